"""Whether an X11 window still exists, asked over a connection of our own (libxcb via ctypes).

Qt does not notice when another client destroys its top-level window (``xdotool windowclose``):
the program would run on with nothing on screen. A kiosk asks this every second and exits
non-zero when the window is gone, so that its supervisor starts it again.
"""

from __future__ import annotations

import ctypes
import ctypes.util


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class X11Window:
    """One window of the X display named by $DISPLAY; ``exists()`` never raises."""

    def __init__(self, window_id: int) -> None:
        """Connects to the display; without libxcb or a display, ``exists()`` says True."""
        self.window_id = window_id
        self._xcb: ctypes.CDLL | None = None
        self._libc: ctypes.CDLL | None = None
        self._connection: ctypes.c_void_p | None = None
        name = ctypes.util.find_library("xcb")
        if name is None:
            return
        try:
            xcb = ctypes.CDLL(name)
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
        except OSError:
            return
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        xcb.xcb_get_window_attributes.restype = _Cookie
        xcb.xcb_get_window_attributes.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        xcb.xcb_get_window_attributes_reply.restype = ctypes.c_void_p
        xcb.xcb_get_window_attributes_reply.argtypes = [
            ctypes.c_void_p,
            _Cookie,
            ctypes.POINTER(ctypes.c_void_p),
        ]
        libc.free.argtypes = [ctypes.c_void_p]
        connection = xcb.xcb_connect(None, None)
        if not connection or xcb.xcb_connection_has_error(connection):
            if connection:
                xcb.xcb_disconnect(connection)
            return
        self._xcb, self._libc, self._connection = xcb, libc, ctypes.c_void_p(connection)

    def exists(self) -> bool:
        """False only when the X server says the window is gone (or our connection broke)."""
        xcb, libc, connection = self._xcb, self._libc, self._connection
        if xcb is None or libc is None or connection is None:
            return True
        if xcb.xcb_connection_has_error(connection):
            return False
        error = ctypes.c_void_p()
        cookie = xcb.xcb_get_window_attributes(connection, self.window_id)
        reply = xcb.xcb_get_window_attributes_reply(connection, cookie, ctypes.byref(error))
        if reply:
            libc.free(reply)
        if error.value:
            libc.free(error.value)
        return bool(reply)

    def close(self) -> None:
        """Closes our connection."""
        if self._xcb is not None and self._connection is not None:
            self._xcb.xcb_disconnect(self._connection)
        self._connection = None
