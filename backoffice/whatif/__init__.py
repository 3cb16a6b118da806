"""What if: replay a past period's penalty decisions through a changed rule pack (nothing is stored).

``replay`` is the pure replay, ``queries`` reads the decisions (on a read-only, rolled-back
connection), ``runner`` ties both to the app, and ``views``/``cli`` show the result.
"""
