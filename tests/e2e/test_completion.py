"""Shell completion in real shells: bash (bash-completion; the function ``complete -p twctl`` names, and
readline itself under tmux), zsh (its completion system under tmux) and fish (``complete -C``), each with the
script `twctl completion <shell>` prints. Commands, flags, enum values, files, and live values from the dev
server: workflow IDs, query and update names, namespaces, task queues, workflow types, runs."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid

import pytest

from helpers import wait_until

SHELLS = ("bash", "zsh", "fish")


@pytest.fixture(scope="module")
def home(tmp_path_factory, rig):
    """A folder with `twctl` on PATH, the three scripts, and an environment pointing at the dev server."""
    base = tmp_path_factory.mktemp("completion")
    bindir = base / "bin"
    bindir.mkdir()
    (bindir / "twctl").symlink_to(os.environ["TWCTL_BIN"])
    for shell in SHELLS:
        script = subprocess.run([os.environ["TWCTL_BIN"], "completion", shell], capture_output=True, text=True,
                                check=True).stdout
        (base / f"twctl.{shell}").write_text(script)
    (base / "zfunc").mkdir()
    shutil.copy(base / "twctl.zsh", base / "zfunc" / "_twctl")
    (base / "xdg").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
    env.update(PATH=f"{bindir}:{env['PATH']}", TEMPORAL_ADDRESS=rig.address, XDG_CONFIG_HOME=str(base / "xdg"),
               HOME=str(base), TERM="xterm")
    return base, env


@pytest.fixture(scope="module")
def live_workflow(rig, home):
    """A running Interactive workflow (query `items`, update `add_item`), visible to the visibility API."""
    _, env = home
    wid = f"complete-{uuid.uuid4().hex[:8]}"
    twctl = ["twctl", "--address", rig.address]
    subprocess.run([*twctl, "workflow", "start", "--type", "Interactive", "-t", "interactive-tasks", "-w", wid],
                   env=env, check=True, capture_output=True)
    wait_until(lambda: wid in subprocess.run(["twctl", "__complete", "workflow", "describe", "-w", wid[:12]],
                                             env=env, capture_output=True, text=True).stdout,
               timeout=30, message="the new workflow is listed by the visibility API")
    wait_until(lambda: "items" in subprocess.run(["twctl", "__complete", "workflow", "query", "-w", wid, "--name", ""],
                                                 env=env, capture_output=True, text=True).stdout,
               timeout=30, message="the worker answers the metadata query")
    yield wid
    subprocess.run([*twctl, "workflow", "terminate", "-w", wid], env=env, capture_output=True)


# --- bash: the function `complete -p twctl` names, called as readline would call it ---------------------------

def bash_complete(home, line: str, extra_env: dict | None = None) -> list[str]:
    base, env = home
    env = {**env, **(extra_env or {})}
    program = f"""
source /usr/share/bash-completion/bash_completion
source {shlex.quote(str(base / 'twctl.bash'))}
spec=$(complete -p twctl) || exit 3
fn=${{spec##*-F }}; fn=${{fn%% *}}
COMP_LINE={shlex.quote(line)}; COMP_POINT=${{#COMP_LINE}}
read -ra COMP_WORDS <<<"$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
"$fn" twctl "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], env=env, capture_output=True, text=True,
                       timeout=30)
    assert r.returncode == 0, r.stderr
    return sorted(x for x in r.stdout.splitlines() if x)


# --- fish: its own `complete -C` --------------------------------------------------------------------------------

def fish_complete(home, line: str, extra_env: dict | None = None) -> list[str]:
    base, env = home
    env = {**env, **(extra_env or {})}
    program = f"source {shlex.quote(str(base / 'twctl.fish'))}; complete -C {shlex.quote(line)}"
    r = subprocess.run(["fish", "--no-config", "-c", program], env=env, capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    return sorted(x.split("\t")[0] for x in r.stdout.splitlines() if x)


# --- zsh, and bash once more: an interactive shell in tmux; Tab pressed, the screen read back -----------------

class Terminal:
    """An interactive shell with the prompt "% " in a tmux session of its own."""

    def __init__(self, env: dict, command: str):
        self.socket = f"twctl-test-{uuid.uuid4().hex[:8]}"
        self.env = env
        self.tmux("new-session", "-d", "-x", "200", "-y", "50", "-s", "t", command)
        wait_until(lambda: self.screen().rstrip().endswith("%"), timeout=20, message=f"a prompt from {command}")

    def tmux(self, *args) -> str:
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], env=self.env,
                              capture_output=True, text=True, check=True, timeout=20).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def complete(self, line: str, expect: list[str]) -> str:
        """Types `line` on a cleared screen, presses Tab, and waits until every expected text is on the screen
        (tmux trims the spaces that end a line)."""
        self.tmux("send-keys", "-t", "t", "C-u", "C-l")
        wait_until(lambda: self.screen().strip() == "%", timeout=10, message="a cleared screen")
        self.tmux("send-keys", "-t", "t", "-l", line)
        return self.tab(expect, f"completing {line!r} shows {expect}")

    def tab(self, expect: list[str], message: str = "", presses: int = 1) -> str:
        """Presses Tab and waits until every expected text is on the screen."""
        self.tmux("send-keys", "-t", "t", *["Tab"] * presses)

        def shown():
            screen = self.screen()
            return screen if all(e in screen for e in expect) else None

        return wait_until(shown, timeout=15, message=message or f"a Tab shows {expect}")

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], env=self.env, capture_output=True)


@pytest.fixture(scope="module")
def zsh(home):
    base, env = home
    zdot = base / "zdot"
    zdot.mkdir(exist_ok=True)
    (zdot / ".zshrc").write_text(
        f"PS1='%% '\nfpath=({shlex.quote(str(base / 'zfunc'))} $fpath)\n"
        "autoload -U compinit && compinit -u -D\n"
        "zstyle ':completion:*' list-prompt ''\nzstyle ':completion:*' menu no\nLISTMAX=0\n")
    t = Terminal(dict(env, ZDOTDIR=str(zdot)), "zsh -i")
    yield t
    t.close()


@pytest.fixture(scope="module")
def bash_terminal(home):
    base, env = home
    rc = base / "bashrc"
    rc.write_text(f"PS1='% '\nsource /usr/share/bash-completion/bash_completion\n"
                  f"source {shlex.quote(str(base / 'twctl.bash'))}\n")
    t = Terminal(env, f"bash --noprofile --rcfile {shlex.quote(str(rc))} -i")
    yield t
    t.close()


# --- the cases the issue names, in each shell -------------------------------------------------------------------

@pytest.mark.parametrize("complete", [bash_complete, fish_complete], ids=["bash", "fish"])
def test_commands_flags_and_enum_values(home, complete):
    assert complete(home, "twctl workf") == ["workflow"]
    assert complete(home, "twctl wor") == ["worker", "workflow"]
    assert complete(home, "twctl workflow st") == ["stack", "start", "start-update-with-start"]
    assert complete(home, "twctl workflow list --output ") == ["json", "jsonl", "none", "text", "tsv"]
    assert complete(home, "twctl workflow start --id-conflict-policy U") == ["UseExisting"]
    flags = complete(home, "twctl workflow describe --run")
    assert flags == ["--run-id"]


@pytest.mark.parametrize("complete", [bash_complete, fish_complete], ids=["bash", "fish"])
def test_live_workflow_ids_query_names_namespaces_and_task_queues(home, live_workflow, complete):
    wid = live_workflow
    assert complete(home, f"twctl workflow describe -w {wid[:12]}") == [wid]
    # An empty word offers the most recent IDs (other tests may have started many more since this one).
    recent = complete(home, "twctl workflow describe -w ")
    assert recent and all(" " not in c for c in recent)
    assert complete(home, f"twctl workflow query -w {wid} --name ") == ["items"]
    assert complete(home, f"twctl workflow update execute -w {wid} --name add") == ["add_item"]
    assert "default" in complete(home, "twctl workflow list -n ")
    assert "interactive-tasks" in complete(home, "twctl workflow start -t interactive")
    assert complete(home, "twctl workflow start --type Interac") == ["Interactive"]
    assert len(complete(home, f"twctl workflow describe -w {wid} -r ")) == 1


@pytest.mark.parametrize("complete", [bash_complete, fish_complete], ids=["bash", "fish"])
def test_live_activity_ids_and_types_of_the_workflow_given(home, rig, complete):
    _, env = home
    wid = f"complete-act-{uuid.uuid4().hex[:8]}"
    twctl = ["twctl", "--address", rig.address]
    subprocess.run([*twctl, "workflow", "start", "--type", "AwaitsOperator", "-t", "edge-tasks", "-w", wid, "-i",
                    '"x"'], env=env, check=True, capture_output=True)
    try:
        wait_until(lambda: complete(home, f"twctl activity pause -w {wid} -a ") == ["approve"], timeout=30,
                   message="the pending activity offered")
        assert complete(home, f"twctl activity reset -w {wid} --activity-type ") == ["await_operator"]
    finally:
        subprocess.run([*twctl, "workflow", "terminate", "-w", wid], env=env, capture_output=True)


@pytest.mark.parametrize("complete", [bash_complete, fish_complete], ids=["bash", "fish"])
def test_profiles_come_from_the_config_file(home, complete, tmp_path):
    (tmp_path / "temporalio").mkdir()
    (tmp_path / "temporalio" / "temporal.toml").write_text(
        '[profile.prod]\naddress = "prod.example:7233"\n\n[profile.staging]\naddress = "staging.example:7233"\n')
    assert complete(home, "twctl settings --profile ", {"XDG_CONFIG_HOME": str(tmp_path)}) == ["prod", "staging"]
    assert complete(home, "twctl config set --prop tls.server_") == ["tls.server_ca_cert_data",
                                                                     "tls.server_ca_cert_path", "tls.server_name"]


def test_file_flags_complete_files(home, tmp_path):
    base, _ = home
    (base / "input-a.json").write_text("1")
    assert bash_complete(home, f"twctl workflow start --input-file {base}/input-") == [f"{base}/input-a.json"]
    assert fish_complete(home, f"twctl workflow start --input-file {base}/input-") == [f"{base}/input-a.json"]
    assert fish_complete(home, f"twctl --config-file={base}/input-") == [f"--config-file={base}/input-a.json"]
    (base / "input b.json").write_text("2")  # a space in the name stays one candidate
    assert bash_complete(home, f"twctl workflow start --input-file {base}/inp") == [f"{base}/input b.json",
                                                                                   f"{base}/input-a.json"]
    # Under readline, bash replaces only what follows the '='.
    assert bash_complete(home, f"twctl --config-file={base}/input-") == [f"{base}/input-a.json"]


def test_zsh_commands_flags_and_enum_values(zsh):
    zsh.complete("twctl workf", ["% twctl workflow"])
    # zsh first inserts what the candidates share, and lists them on the next Tab.
    zsh.complete("twctl workflow st", ["% twctl workflow sta"])
    screen = zsh.tab(["start", "stack"])
    assert "Start a workflow execution and print its IDs" in screen  # descriptions are shown
    zsh.complete("twctl workflow list --output ", ["json", "jsonl", "none", "text", "tsv"])
    zsh.complete("twctl workflow describe --run", ["% twctl workflow describe --run-id"])


def test_zsh_file_flags_complete_files(zsh, home):
    base, _ = home
    (base / "zinput-a.json").write_text("1")
    zsh.complete(f"twctl workflow start --input-file {base}/zinput-", [f"--input-file {base}/zinput-a.json"])
    zsh.complete(f"twctl --config-file={base}/zinput-", [f"--config-file={base}/zinput-a.json"])


def test_zsh_live_workflow_ids_and_query_names(zsh, live_workflow):
    wid = live_workflow
    zsh.complete(f"twctl workflow describe -w {wid[:12]}", [f"% twctl workflow describe -w {wid}"])
    zsh.complete(f"twctl workflow query -w {wid} --name ", ["--name items"])


def test_bash_in_a_terminal_with_readline(bash_terminal, live_workflow):
    # Readline splits words at '=' (COMP_WORDBREAKS): --output=js must still complete to a value.
    bash_terminal.complete("twctl workf", ["% twctl workflow"])
    bash_terminal.complete("twctl workflow list --output=js", ["% twctl workflow list --output=json"])
    bash_terminal.tab(["jsonl"], presses=2)  # readline lists json and jsonl on a double Tab
    bash_terminal.complete(f"twctl workflow query -w {live_workflow} --name it",
                           [f"% twctl workflow query -w {live_workflow} --name items"])


def test_an_unreachable_cluster_gives_no_candidates_quickly_and_silently(home):
    _, env = home
    started = time.monotonic()
    # A blackholed address (TEST-NET-1): no answer, so only the completion's own bound ends the wait.
    r = subprocess.run(["twctl", "__complete", "--address", "192.0.2.1:7233", "workflow", "describe", "-w", ""],
                       env=env, capture_output=True, text=True, timeout=30)
    elapsed = time.monotonic() - started
    assert (r.returncode, r.stdout, r.stderr) == (0, ":4\n", "")
    assert elapsed < 5, f"completion waited {elapsed:.1f}s"
