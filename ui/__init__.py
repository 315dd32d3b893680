"""The Qt desktop app: thin views over fkinspect's records."""
