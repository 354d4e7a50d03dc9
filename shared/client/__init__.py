"""The programs' side of the hall server: its requests over HTTP and its change feed over a
WebSocket, and the views' dataclasses rebuilt from the JSON it answers. No Qt here: the
windows reach this through shared.qt.remote, which runs it off the GUI thread."""
