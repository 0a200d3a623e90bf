"""JupyterLab's server settings for the notebooks: binder/postBuild puts this file in Binder's
Jupyter config directory, and the README's command passes it with --config.

A slider step comes back from the kernel as a few small messages and then the new picture.
By default the server's websocket holds a small write back until the browser has acknowledged
the one before (Nagle's algorithm), and the browser may wait up to 40 ms to acknowledge: the
picture sat in the server for that long. Sending each message at once removes the wait."""
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

c = get_config()  # noqa: F821 (Jupyter defines get_config for its config files)


class PromptConnection(ZMQChannelsWebsocketConnection):
    """Jupyter's kernel connection, with the websocket's TCP_NODELAY on."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)
        return super().connect()


c.ServerApp.kernel_websocket_connection_class = PromptConnection
