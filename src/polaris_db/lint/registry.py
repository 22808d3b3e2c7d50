"""The rules, in ID order. An explicit tuple: adding a rule is one import and one line here."""

from __future__ import annotations

from ..errors import ConfigError
from .base import Rule
from .rules.pc000_sql_parses import SqlParses
from .rules.pc001_migrations_apply import MigrationsApply
from .rules.pc101_snake_case_names import SnakeCaseNames
from .rules.pc102_view_prefix import ViewPrefix
from .rules.pc103_function_verb_first import FunctionVerbFirst
from .rules.pc104_event_name_format import EventNameFormat
from .rules.pc201_table_primary_key import TablePrimaryKey
from .rules.pc202_foreign_key_index import ForeignKeyIndex
from .rules.pc203_table_comments import TableComments
from .rules.pc301_rls_user_scoped import RlsUserScoped
from .rules.pc302_policy_clauses import PolicyClauses
from .rules.pc303_definer_search_path import DefinerSearchPath
from .rules.pc304_function_security_explicit import FunctionSecurityExplicit
from .rules.pc305_definer_acts_for_caller import DefinerActsForCaller
from .rules.pc306_api_grants_match_matrix import ApiGrantsMatchMatrix
from .rules.pc325_public_bucket_not_listable import PublicBucketNotListable
from .rules.pc326_anon_graphql_tables_hidden import AnonGraphqlTablesHidden
from .rules.pc327_authenticated_graphql_tables_hidden import AuthenticatedGraphqlTablesHidden
from .rules.pc328_anon_definer_not_executable import AnonDefinerNotExecutable
from .rules.pc329_authenticated_definer_not_executable import AuthenticatedDefinerNotExecutable
from .rules.pc401_idempotent_ddl import IdempotentDdl
from .rules.pc501_seed_idempotent import SeedIdempotent
from .rules.pc502_seed_personal_data import SeedPersonalData
from .rules.pc503_column_masking_rule import ColumnMaskingRule
from .rules.pc601_matview_refreshed import MatviewRefreshed
from .rules.pc602_mirror_folders import MirrorFolders
from .rules.pc701_release_notes import ReleaseNotes

RULES: tuple[Rule, ...] = (
    SqlParses(),
    MigrationsApply(),
    SnakeCaseNames(),
    ViewPrefix(),
    FunctionVerbFirst(),
    EventNameFormat(),
    TablePrimaryKey(),
    ForeignKeyIndex(),
    TableComments(),
    RlsUserScoped(),
    PolicyClauses(),
    DefinerSearchPath(),
    FunctionSecurityExplicit(),
    DefinerActsForCaller(),
    ApiGrantsMatchMatrix(),
    PublicBucketNotListable(),
    AnonGraphqlTablesHidden(),
    AuthenticatedGraphqlTablesHidden(),
    AnonDefinerNotExecutable(),
    AuthenticatedDefinerNotExecutable(),
    IdempotentDdl(),
    SeedIdempotent(),
    SeedPersonalData(),
    ColumnMaskingRule(),
    MatviewRefreshed(),
    MirrorFolders(),
    ReleaseNotes(),
)
BY_ID = {rule.id: rule for rule in RULES}


def select(ids: list[str] | None) -> tuple[Rule, ...]:
    """The rules with these IDs (all when None); unknown IDs are an error."""
    if not ids:
        return RULES
    unknown = sorted(set(ids) - set(BY_ID))
    if unknown:
        raise ConfigError(f"unknown rule(s): {', '.join(unknown)}; `python -m polaris_db.lint rules` lists them")
    return tuple(rule for rule in RULES if rule.id in ids)
