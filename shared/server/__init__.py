"""The hall server: the one door to the store. It alone holds the store's credentials,
proves who is asking (staff sessions, enrolled devices), is the only clock of every act,
and pushes what changed to the connected programs."""

DEFAULT_PORT = 8470  # the hall server's port unless told another (`hallq serve --port`)
