"""The application layer: services, the session controller and policies; free of Qt."""
