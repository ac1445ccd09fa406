"""The Qt face of kapdesk: the only package that imports QtWidgets."""
