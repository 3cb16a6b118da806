"""Forms for signing in and for administering accounts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from backoffice.accounts.models import Role
from backoffice.accounts.passwords import MIN_PASSWORD_LENGTH

ROLE_LABELS = {
    Role.reviewer: _l("Reviewer"),
    Role.senior_reviewer: _l("Senior reviewer"),
    Role.manager: _l("Manager"),
    Role.admin: _l("Administrator"),
    Role.merchant: _l("Merchant"),
}


PASSWORD_RULE = _l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH)


def role_choices():
    return [SelectChoice(role.value, ROLE_LABELS[role]) for role in Role]


class LoginForm(FlaskForm):
    login = StringField(_l("Login"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)])
    remember = BooleanField(_l("Keep me signed in on this device"))


class UserCreateForm(FlaskForm):
    login = StringField(_l("Login"), validators=[DataRequired(), Length(min=2, max=64)])
    display_name = StringField(_l("Display name"), validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), choices=role_choices, validators=[DataRequired()])
    merchant = StringField(
        _l("Merchant external id"),
        validators=[Optional(), Length(max=128)],
        description=_l("Required for merchant accounts; the merchant record must exist."),
    )
    password = PasswordField(
        _l("Initial password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=256, message=PASSWORD_RULE)],
        description=PASSWORD_RULE,
    )


class UserEditForm(FlaskForm):
    display_name = StringField(_l("Display name"), validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), choices=role_choices, validators=[DataRequired()])
    merchant = StringField(_l("Merchant external id"), validators=[Optional(), Length(max=128)])


class PasswordResetForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH, max=256, message=PASSWORD_RULE)],
        description=PASSWORD_RULE,
    )


class ConfirmForm(FlaskForm):
    """An empty form: a POST button protected by CSRF."""
