"""The form a manager fills in for a canned reason."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from backoffice.cases.forms import SEVERITIES, VERDICTS


class CannedReasonForm(FlaskForm):
    rule_code = SelectField(_l("Rule"), choices=[], validators=[DataRequired()])
    verdict = SelectField(_l("Verdict"), choices=VERDICTS, validators=[DataRequired()])
    severity = SelectField(_l("Severity"), choices=[SelectChoice("", _l("The reviewer chooses")), *SEVERITIES],
                           validators=[Optional()])
    title = StringField(_l("Short name"), validators=[DataRequired(), Length(max=80)])
    body = TextAreaField(_l("Text of the reasons"), validators=[DataRequired(), Length(max=2000)],
                         description=_l("{quote} is replaced by the flagged message, {measure} by the measures "
                                        "the rules give; the reviewer can still edit the text."))
    position = IntegerField(_l("Order"), default=0, validators=[Optional(), NumberRange(min=0, max=999)])
