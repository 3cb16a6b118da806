"""Retention: chat text, evidence files and customers' personal data are purged a configured number of days
(``RETENTION_DAYS``) after the last case on a conversation closed.

What is purged: every message's text and attachments, the customer's name on the conversation (and on the
customer's record once none of their conversations keeps it), customers' report texts, flagged fragments
and model features on the flags, and for the appeals against the cases' rulings the statement, the
supplements' text and the evidence files. What stays: the cases, decisions, the ledger, the audit trail,
and each ruling's quotes, masked exactly as the ruling states them (``rulings.models.RetainedQuotes``):
the messages a ruling quotes keep their masked text, so that the ruling reads, prints and verifies as
issued. A conversation with an open case, an appeal still undecided, or a ruling whose appeal window is
still open is left for a later run. Each purge is one audit event (``retention.purge``).
"""
