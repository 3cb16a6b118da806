"""Every background job, one line each. Adding a job is adding a line here (``register``): the name that
``enqueue`` takes, the function it runs, and for periodic work how often the scheduler starts it.

Queues keep slow work from delaying urgent work: a long ruling export never holds up a webhook.
"""

from backoffice.jobs.registry import register

# Enforcement events to the platforms: woken after every transaction that writes an event, and swept
# every 15 s for retries that fall due (docs/webhooks.md).
# A sweep may wait 10 s on each of many slow receivers: it gets half an hour before it is interrupted.
register("webhooks.deliver", "backoffice.webhooks.delivery:deliver_due", queue="webhooks", every=15,
         time_limit=30 * 60)
# Timed measures (restrictions, mutes, demotions) whose end has passed: reported once as measure.expired.
register("measures.expire", "backoffice.webhooks.delivery:report_expiries", queue="webhooks", every=60)
# The e-mail outbox: woken after every transaction that adds an e-mail, and swept for retries.
register("outbox.deliver", "backoffice.notifications.outbox:deliver_pending", queue="mail", every=60)
# A manager's bulk ruling export (rulings/jobs.py keeps its state and progress).
register("rulings.export", "backoffice.rulings.jobs:run", queue="exports", time_limit=6 * 3600, max_retries=0)

# An issued (or superseded) ruling's PDFs, rendered once and stored (backoffice/rulings/issued.py).
register("rulings.store_issued", "backoffice.rulings.issued:store_issued_ruling", queue="rulings")
# SLA alerts: the holder (or the managers) of each open case past its deadline, once per case and person.
register("notifications.overdue", "backoffice.notifications.staff:notify_overdue", queue="default", every=300)
# The same, SLA_WARNING_MINUTES before the deadline: once per case and person.
register("notifications.due_soon", "backoffice.notifications.staff:notify_due_soon", queue="default", every=300)
# Chat text, evidence and customers' names past the retention period (off unless RETENTION_DAYS is set).
register("retention.purge", "backoffice.retention.jobs:purge_expired", queue="default", every=3600)
