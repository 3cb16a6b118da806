"""The what-if form: a changed pack (edited text or an uploaded file) and a period."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileSize
from wtforms import DateField, HiddenField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from backoffice.whatif.packs import MAX_PACK_BYTES
from backoffice.whatif.runner import MAX_DAYS


class WhatIfForm(FlaskForm):
    pack = TextAreaField(_l("Changed rule pack (YAML)"), validators=[Optional(), Length(max=MAX_PACK_BYTES)],
                         render_kw={"rows": 24, "spellcheck": "false", "class": "code"})
    upload = FileField(_l("Or upload a .yaml file (used instead of the text)"), validators=[
        FileAllowed(["yaml", "yml"], _l("Upload a .yaml or .yml file.")),
        FileSize(MAX_PACK_BYTES, message=_l("The file is larger than %(n)d KB.", n=MAX_PACK_BYTES // 1024))])
    since = DateField(_l("From (platform date)"), validators=[DataRequired()])
    until = DateField(_l("To (platform date, included)"), validators=[DataRequired()])
    #: The platform whose pack in use the page started from (kept selected after a replay).
    platform = HiddenField()
    run = SubmitField(_l("Replay"))
    numbers = SubmitField(_l("Replay with these numbers"))
    csv = SubmitField(_l("Download the differences (CSV)"))

    def validate_until(self, field) -> None:
        if self.since.data and field.data:
            if field.data < self.since.data:
                raise ValidationError(_l("The period ends before it starts."))
            if (field.data - self.since.data).days + 1 > MAX_DAYS:
                raise ValidationError(_l("Choose a period of at most %(n)d days.", n=MAX_DAYS))

    def validate_pack(self, field) -> None:
        if not (field.data or "").strip() and not self.has_upload() and not self.numbers.data:
            raise ValidationError(_l("Paste a rule pack or upload a .yaml file."))

    def has_upload(self) -> bool:
        return bool(self.upload.data and getattr(self.upload.data, "filename", ""))

    def pack_source(self) -> tuple[str, str]:
        """The pack text and the name errors should give; an upload wins over the text box.

        :raises UnicodeDecodeError: the uploaded file is not UTF-8.
        """
        if self.has_upload():
            text = self.upload.data.read().decode("utf-8-sig")
            self.pack.data = text  # shown in the text box, to edit and replay again
            return text, self.upload.data.filename
        return self.pack.data, "pack.yaml"
