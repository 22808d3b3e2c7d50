"""The table locks a statement takes, read from its parse tree (Postgres' lock table, as Eugene and squawk know it).

Measuring sees only what a statement held while it could be observed: a statement that fails releases its locks
at the error, before anyone can look. The parse tree says what it asked for, whatever the data and the runner's
speed: `create index` takes SHARE on its table, `alter table ... set not null` ACCESS EXCLUSIVE, `validate
constraint` SHARE UPDATE EXCLUSIVE, a foreign key SHARE ROW EXCLUSIVE on both tables, DML ROW EXCLUSIVE.
"""

from __future__ import annotations

from pglast import ast, enums, parse_sql
from pglast.parser import ParseError

_AT = enums.AlterTableType
_SHARE_UPDATE = {_AT.AT_ValidateConstraint, _AT.AT_SetStatistics, _AT.AT_ClusterOn, _AT.AT_DropCluster,
                 _AT.AT_SetRelOptions, _AT.AT_ResetRelOptions, _AT.AT_SetOptions, _AT.AT_ResetOptions}
_SHARE_ROW = {_AT.AT_EnableTrig, _AT.AT_DisableTrig, _AT.AT_EnableTrigAll, _AT.AT_DisableTrigAll,
              _AT.AT_EnableTrigUser, _AT.AT_DisableTrigUser, _AT.AT_EnableAlwaysTrig, _AT.AT_EnableReplicaTrig}
_ORDER = ("RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "AccessExclusiveLock")


def _name(relation: ast.RangeVar | None) -> str | None:
    if relation is None:
        return None
    return f"{relation.schemaname or 'public'}.{relation.relname}"


def _alter_table(node: ast.AlterTableStmt) -> list[tuple[str, str]]:
    table = _name(node.relation)
    strongest, others = "ShareUpdateExclusiveLock", []
    for cmd in node.cmds or ():
        mode = "AccessExclusiveLock"
        if cmd.subtype in _SHARE_UPDATE:
            mode = "ShareUpdateExclusiveLock"
        elif cmd.subtype in _SHARE_ROW:
            mode = "ShareRowExclusiveLock"
        elif cmd.subtype == _AT.AT_AddConstraint and isinstance(cmd.def_, ast.Constraint) \
                and cmd.def_.contype == enums.ConstrType.CONSTR_FOREIGN:
            mode = "ShareRowExclusiveLock"
            others.append((_name(cmd.def_.pktable), "ShareRowExclusiveLock"))
        strongest = max(strongest, mode, key=_ORDER.index)
    return [(table, strongest)] + others


def _one(node) -> list[tuple[str, str]]:
    if isinstance(node, ast.IndexStmt):
        return [(_name(node.relation), "ShareUpdateExclusiveLock" if node.concurrent else "ShareLock")]
    if isinstance(node, ast.AlterTableStmt) and node.objtype == enums.ObjectType.OBJECT_TABLE:
        return _alter_table(node)
    if isinstance(node, (ast.UpdateStmt, ast.DeleteStmt, ast.InsertStmt, ast.MergeStmt)):
        return [(_name(node.relation), "RowExclusiveLock")]
    if isinstance(node, ast.CreateTrigStmt):
        return [(_name(node.relation), "ShareRowExclusiveLock")]
    if isinstance(node, (ast.CreatePolicyStmt, ast.AlterPolicyStmt)):
        return [(_name(node.table), "AccessExclusiveLock")]
    if isinstance(node, ast.RenameStmt) and node.relation is not None:
        return [(_name(node.relation), "AccessExclusiveLock")]
    if isinstance(node, ast.TruncateStmt):
        return [(_name(r), "AccessExclusiveLock") for r in node.relations or ()]
    if isinstance(node, ast.VacuumStmt):
        mode = "AccessExclusiveLock" if "full" in str(node.options) else "ShareUpdateExclusiveLock"
        return [(_name(r.relation), mode) for r in node.rels or ()]
    if isinstance(node, ast.ClusterStmt):
        return [(_name(node.relation), "AccessExclusiveLock")]
    if isinstance(node, ast.DropStmt) and node.removeType == enums.ObjectType.OBJECT_TABLE:
        return [(".".join(s.sval for s in names) if len(names) > 1 else f"public.{names[0].sval}",
                 "AccessExclusiveLock") for names in node.objects or ()]
    return []


def expected_locks(sql: str) -> list[tuple[str, str]]:
    """(schema.table, lock mode) per table the statement(s) lock, strongest per table; [] when it does not parse."""
    try:
        statements = parse_sql(sql)
    except ParseError:
        return []
    strongest: dict[str, str] = {}
    for raw in statements:
        for table, mode in _one(raw.stmt):
            if table and (table not in strongest or _ORDER.index(mode) > _ORDER.index(strongest[table])):
                strongest[table] = mode
    return sorted(strongest.items())
