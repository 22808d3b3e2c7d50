"""production.yml rehearses before the approval: a job in its own `rehearsal` environment that the approved job needs."""

import yaml

from polaris_db import REPO_ROOT


def test_production_rehearses_before_the_approval():
    jobs = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "production.yml").read_text())["jobs"]
    rehearse, deploy = jobs["rehearse"], jobs["deploy"]
    # the approval gate is production's; the rehearsal's secrets live in an environment of its own
    assert rehearse["environment"] == "rehearsal" and deploy["environment"] == "production"
    assert deploy["needs"] == "rehearse"
    runs = [step.get("run", "") for step in rehearse["steps"]]
    command = next(r for r in runs if ".venv/bin/inv db.rehearse --env prod" in r)
    assert "source=(--snapshot)" in command  # the masked snapshot by default; the raw backup behind a flag
    assert rehearse["env"]["POLARIS_SNAPSHOT_IDENTITY"] == "${{ secrets.SNAPSHOT_AGE_IDENTITY }}"
    assert "REHEARSE_RAW_BACKUP == 'true' &&" in rehearse["env"]["POLARIS_BACKUP_IDENTITY"]
    upload = next(s for s in rehearse["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()" and upload["with"]["path"].startswith("backups/reports/rehearse-")
    assert rehearse["env"]["SUPABASE_PROD_URL"] == "${{ secrets.SUPABASE_PROD_READONLY_URL }}"  # only read


def test_readme_release_flow_and_task_row():
    readme = (REPO_ROOT / "README.md").read_text()
    assert "| `inv db.rehearse" in readme
    assert "rehearse -> approve -> push" in readme or "rehearse → approve → push" in readme
