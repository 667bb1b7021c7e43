"""SMS through Twilio: the transport (REST API, async client) and the webhooks it calls."""
