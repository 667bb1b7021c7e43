"""The use cases every door shares (the web pages and API, each channel, the command line):
receive a patient's message, act on a case, invite, on-call cover, the sweeps the tick runs.
Imports no web framework and no channel; they call in here, never the other way."""
