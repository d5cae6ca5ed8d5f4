"""WedSync Desktop: browse and edit WedSync supplier records offline."""

__version__ = "0.1.0"
APP_NAME = "WedSync Desktop"
APP_ID = "wedsync-desktop"
