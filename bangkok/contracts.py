"""An import-linter contract the stock ones can't say (loaded by `lint-imports` only, from
`[tool.importlinter]` in pyproject.toml; nothing in the running project imports it).

`public_modules`: between two of the listed apps, an import must land in one of the
importee's public modules (`models`, `services`, ...), or in a module inside one of them.
Whatever else an app has (views, forms, serializers, API, demo, tests) is its own.

`acyclic_apps`: no cycle of imports, direct or through other apps, between the listed apps
(a layers contract can't see one inside a layer whose siblings may import each other).
"""

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.application import contract_utils


class _AppsContract(Contract):
    """A contract over whole apps (root packages), with import-linter's `ignore_imports`."""

    modules = fields.ListField(subfield=fields.StringField())
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(
        contract_utils.AlertLevel, default=contract_utils.AlertLevel.ERROR
    )

    def remove_ignored(self, graph: grimp.ImportGraph) -> list[str]:
        """Take the ignored imports out of the graph; the warnings about them."""
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=self.ignore_imports,  # type: ignore[arg-type]
            unmatched_alerting=self.unmatched_ignore_imports_alerting,  # type: ignore[arg-type]
        )
        return list(removal.warnings)

    def render(self, check: ContractCheck, title: str, key: str) -> None:
        output.print_error(title, bold=False)
        output.new_line()
        for line in check.metadata[key]:
            output.print_error(f"- {line}")
        output.new_line()


class PublicModulesContract(_AppsContract):
    type_name = "public_modules"

    public = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        warnings = self.remove_ignored(graph)
        apps = set(self.modules)  # type: ignore[arg-type]
        public = set(self.public)  # type: ignore[arg-type]
        illegal = []
        for importer in sorted(graph.modules):
            here = importer.split(".")[0]
            if here not in apps:
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                parts = imported.split(".")
                if parts[0] == here or parts[0] not in apps:
                    continue
                if len(parts) > 1 and parts[1] in public:
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = ", ".join(str(detail["line_number"]) for detail in details)
                illegal.append(f"{importer} -> {imported} (l.{lines})")
        return ContractCheck(kept=not illegal, warnings=warnings, metadata={"illegal": illegal})

    def render_broken_contract(self, check: ContractCheck) -> None:
        self.render(check, "Imports into another app's own modules:", "illegal")


class AcyclicAppsContract(_AppsContract):
    type_name = "acyclic_apps"

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        warnings = self.remove_ignored(graph)
        apps = list(self.modules)  # type: ignore[arg-type]
        imports = {app: set() for app in apps}
        for importer in graph.modules:
            here = importer.split(".")[0]
            if here in imports:
                for imported in graph.find_modules_directly_imported_by(importer):
                    there = imported.split(".")[0]
                    if there in imports and there != here:
                        imports[here].add(there)
        cycles = [cycle for cycle in (_cycle_from(app, imports) for app in apps) if cycle]
        seen, distinct = set(), []
        for cycle in cycles:
            if frozenset(cycle) not in seen:
                seen.add(frozenset(cycle))
                distinct.append(" -> ".join([*cycle, cycle[0]]))
        return ContractCheck(kept=not distinct, warnings=warnings, metadata={"cycles": distinct})

    def render_broken_contract(self, check: ContractCheck) -> None:
        self.render(check, "Cycles between apps:", "cycles")


def _cycle_from(start: str, imports: dict[str, set[str]]) -> list[str]:
    """The shortest path of app imports from `start` back to itself, or []."""
    paths = [[start]]
    seen = {start}
    while paths:
        path = paths.pop(0)
        for there in sorted(imports[path[-1]]):
            if there == start:
                return path
            if there not in seen:
                seen.add(there)
                paths.append([*path, there])
    return []
