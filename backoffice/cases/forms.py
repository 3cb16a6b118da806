"""Forms of the reviewer workspace."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice, SelectMultipleField
from wtforms.validators import DataRequired, Length, Optional

VERDICTS = [
    SelectChoice("violation", _l("Violation")),
    SelectChoice("no_violation", _l("No violation")),
    SelectChoice("insufficient_evidence", _l("Insufficient evidence")),
]
SEVERITIES = [
    SelectChoice("general", _l("General")),
    SelectChoice("serious", _l("Serious")),
    SelectChoice("especially_serious", _l("Especially serious")),
]

CUSTOMER_SEVERITIES = SEVERITIES[:2]  # customer rules know general and serious (情节严重)


class DecisionForm(FlaskForm):
    version = HiddenField(validators=[DataRequired()])
    verdict = RadioField(_l("Verdict"), choices=VERDICTS, validators=[DataRequired()])
    rule = SelectField(_l("Rule"), choices=[], validators=[Optional()])
    severity = SelectField(_l("Severity"), choices=SEVERITIES, validators=[Optional()])
    consumer_compensation = StringField(_l("Compensation to the consumer (yuan)"),
                                        validators=[Optional(), Length(max=20)])
    fine_amount = StringField(_l("Fine (yuan)"), validators=[Optional(), Length(max=20)])
    complaint_upheld = BooleanField(_l("The consumer's complaint is upheld"))
    dropped = SelectMultipleField(_l("Leave out"), choices=[], validate_choice=False)
    deviation_reason = TextAreaField(_l("Why the computed measures are changed"),
                                     validators=[Optional(), Length(max=2000)])
    rationale = TextAreaField(_l("Reasons (shown to the merchant)"), validators=[DataRequired(), Length(max=5000)])


class NoteForm(FlaskForm):
    body = TextAreaField(_l("Internal note"), validators=[DataRequired(), Length(max=5000)])


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=500)])


class ReassignForm(FlaskForm):
    version = HiddenField(validators=[DataRequired()])
    user = SelectField(_l("Assign to"), coerce=lambda v: int(v) if v else None, validators=[DataRequired()])


class BulkDismissForm(FlaskForm):
    reason = StringField(_l("Reason for dismissing"), validators=[DataRequired(), Length(max=500)])


class ApprovalForm(FlaskForm):
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])


class SaveViewForm(FlaskForm):
    name = StringField(_l("Name of the view"), validators=[DataRequired(), Length(max=80)])
    team = BooleanField(_l("Share with the team (a team queue)"))


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Answer"), validators=[DataRequired(), Length(max=5000)])
