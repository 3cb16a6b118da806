"""The reviewer's sweep form: the messages found, the rule they break, what was found."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectMultipleField
from wtforms.validators import DataRequired, Length

from backoffice.db import row_id


class SweepForm(FlaskForm):
    # The messages are ticked in the conversation itself; the operation checks they belong to it.
    messages = SelectMultipleField(_l("Messages"), choices=[], coerce=row_id, validate_choice=False,
                                   validators=[DataRequired(_l("Tick the merchant's messages that break the rule."))])
    rule = SelectField(_l("Rule"), choices=[], validators=[DataRequired()])
    note = TextAreaField(_l("What you found"), validators=[DataRequired(), Length(max=2000)])
