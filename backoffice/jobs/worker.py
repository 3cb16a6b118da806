"""The module ``dramatiq`` loads in each worker process (``flask jobs worker`` starts it): the application,
configured from the BACKOFFICE_* variables as ``flask --app backoffice`` is, and its broker."""

import dramatiq

from backoffice import create_app
from backoffice.jobs.redis_backend import broker_for

app = create_app()
broker = broker_for(app)
dramatiq.set_broker(broker)
