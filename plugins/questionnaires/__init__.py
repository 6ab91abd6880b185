from .generator import register  # noqa: F401  (Pelican looks for register())
from .model import (
    CandidateFields,
    QuestionnaireFields,
    QuestionnaireTranslationFields,
    SheetTranslationFields,
)

#: The JSON Schemas of this plugin's files (``site_core.schemas``): name → model.
JSON_SCHEMAS = {
    "questionnaire": QuestionnaireFields,
    "candidate": CandidateFields,
    "questionnaire-translation": QuestionnaireTranslationFields,  # questionnaire.<lang>.md
    "candidate-translation": SheetTranslationFields,  # <candidate>.<lang>.md
}
