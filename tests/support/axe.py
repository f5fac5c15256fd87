"""axe-core run in the page, limited to the WCAG 2.x A and AA rules, with what it finds made readable."""

from axe_playwright_python.sync_playwright import Axe

OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],  # passes are summarised, which keeps each run quick
}

_axe = Axe()


def violations(page, within=None):
    """What axe-core reports on the page as it is now, or in the part the CSS selector ``within`` picks (an empty
    list when nothing is wrong)."""
    return _axe.run(page, context=within, options=OPTIONS).response["violations"]


def readable(violations):
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1]}")
            lines.append(f"       {node['html'][:160]}")
    return "\n".join(lines)
