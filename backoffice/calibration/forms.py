"""Forms of the calibration pages: drawing a sample, and the blind second review."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, RadioField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from backoffice.calibration.operations import MAX_SAMPLE, SEED_LIMIT
from backoffice.cases.forms import SEVERITIES, VERDICTS


class DrawForm(FlaskForm):
    size = IntegerField(_l("Number of cases"), default=20,
                        validators=[InputRequired(), NumberRange(1, MAX_SAMPLE)])
    platform = SelectField(_l("Platform"), choices=[], validators=[Optional()])
    rule = SelectField(_l("Rule of the original decision"), choices=[], validators=[Optional()])
    original_reviewer = SelectField(_l("Original reviewer"), choices=[], validators=[Optional()])
    closed_from = DateField(_l("Closed from"), validators=[Optional()])
    closed_to = DateField(_l("Closed until (inclusive)"), validators=[Optional()])
    reviewers = SelectMultipleField(
        _l("Second reviewers"), coerce=int, choices=[], validators=[Optional()],
        description=_l("Leave empty to spread the sample over every active reviewer."))
    seed = IntegerField(_l("Random seed"), validators=[Optional(), NumberRange(0, SEED_LIMIT)],
                        description=_l("Optional. The same seed over the same cases draws the same sample."))

    def validate_closed_to(self, field):
        if field.data and self.closed_from.data and field.data < self.closed_from.data:
            raise ValidationError(_l("The end of the period is before its start."))


class BlindReviewForm(FlaskForm):
    verdict = RadioField(_l("Verdict"), choices=VERDICTS, validators=[DataRequired(_l("Choose a verdict."))])
    rule = SelectField(_l("Rule (for a violation)"), choices=[], validators=[Optional()])
    severity = SelectField(_l("Severity (for a violation)"), choices=[SelectChoice("", "—"), *SEVERITIES],
                           validators=[Optional()])
    rationale = TextAreaField(_l("Your reasons"), validators=[
        DataRequired(_l("Write the reasons for your verdict.")), Length(max=5000)])
