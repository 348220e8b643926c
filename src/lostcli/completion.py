"""Tab-completion scripts, `lostcli completion SHELL` (pure: the CLI hands over what to complete).

Every list (commands, options, zone names, colours, shells) is written into the script, as the
release time is written into the prompt snippets: a TAB starts no process in any shell. Files
(`--film`, `-o`, `validate PATH`) are the shell's own file completion.
"""

from __future__ import annotations

import json
import shlex
from typing import NamedTuple

from lostcli import __version__
from lostcli.shells import elvish_quote, fish_quote

# What an option's value, or a command's argument, is: a kind of the values table, a file,
# or free text (None).
Kind = str | None


class Command(NamedTuple):
    help: str
    flags: tuple[str, ...]  # options without a value, each name (--json, -h, --help)
    valued: dict[str, Kind]  # options with a value, each name, and the kind of the value
    argument: Kind = None  # the positional argument, if the command takes one


class Spec(NamedTuple):
    root: Command  # the global options, accepted before or after the command
    commands: dict[str, Command]
    values: dict[str, list[str]]  # kind -> the values that complete it


def script(shell: str, spec: Spec) -> str:
    return RENDER[shell](spec)


def _options(spec: Spec, name: str) -> tuple[list[str], dict[str, Kind]]:
    """A command's options, its own and the global ones it does not shadow."""
    own = spec.commands[name] if name else spec.root
    valued = {**{k: v for k, v in spec.root.valued.items() if k not in own.flags}, **own.valued}
    flags = [*own.flags, *(f for f in spec.root.flags if f not in own.valued and name)]
    return sorted(set(flags) | set(valued)), valued


def _option_lists(spec: Spec) -> dict[str, list[str]]:
    """Each command's options (" " for none given yet: the global ones)."""
    return {name or " ": _options(spec, name)[0] for name in ["", *spec.commands]}


def _kinds(spec: Spec) -> dict[str, str]:
    """ "command option" -> what its value is ("text" for free text), and "command ARGUMENT" ->
    what the command's argument is: the one table every script looks words up in."""
    kinds = {}
    for name in ["", *spec.commands]:
        for option, kind in _options(spec, name)[1].items():
            kinds[f"{name} {option}"] = kind or "text"
        if name and spec.commands[name].argument:
            kinds[f"{name} ARGUMENT"] = str(spec.commands[name].argument)
    return kinds


def _header(shell: str, where: str) -> str:
    return (
        f"# lostcli completion for {shell}, from `lostcli completion {shell}` (lostcli "
        f"{__version__}).\n# {where}\n# Every list is in this script: a TAB starts no process.\n"
    )


def bash(spec: Spec) -> str:
    q = shlex.quote
    lines = [_header("bash", 'In ~/.bashrc: eval "$(lostcli completion bash)"')]
    for listed, values in spec.values.items():
        words = " ".join(q(v) for v in values if " " not in v)  # bash splits candidates on spaces
        lines.append(f"__lostcli_{listed}=({words})")
    lines.append(f"__lostcli_commands=({' '.join(spec.commands)})")
    lines.append("declare -A __lostcli_options=(")
    lines += [f"    [{q(name)}]={q(' '.join(o))}" for name, o in _option_lists(spec).items()]
    lines.append(")\ndeclare -A __lostcli_kind=(")
    lines += [f"    [{q(key)}]={kind}" for key, kind in _kinds(spec).items()]
    lines.append(")")
    lines.append(BASH_FUNCTION)
    return "\n".join(lines) + "\n"


BASH_FUNCTION = r"""
__lostcli_add() {  # the candidates in the array named $1 that start with $cur
    local -n __lostcli_words=$1
    local word
    for word in "${__lostcli_words[@]}"; do
        [[ $word == "$cur"* ]] && COMPREPLY+=("$word")
    done
}

_lostcli() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i word kind
    COMPREPLY=()
    [[ $prev == = ]] && prev=${COMP_WORDS[COMP_CWORD-2]}  # --tz=Asia/Se
    [[ $cur == = ]] && cur=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            kind=${__lostcli_kind["$cmd $word"]-}
            [[ -n $kind && ${COMP_WORDS[i+1]-} != = ]] && ((i++))  # skip the option's value
        elif [[ -z $cmd ]]; then
            cmd=$word
        fi
    done
    kind=${__lostcli_kind["$cmd $prev"]-}
    if [[ -z $kind && $cur != -* && -n $cmd ]]; then
        kind=${__lostcli_kind["$cmd ARGUMENT"]-}
    fi
    case $kind in
        file) compopt -o default 2>/dev/null; return ;;  # readline's own file names
        text) return ;;
        ?*) __lostcli_add "__lostcli_$kind"; return ;;
    esac
    if [[ $cur == -* || -n $cmd ]]; then
        local options=(${__lostcli_options["${cmd:- }"]})
        __lostcli_add options
    else
        __lostcli_add __lostcli_commands
    fi
}

complete -F _lostcli lostcli
"""


def zsh(spec: Spec) -> str:
    q = shlex.quote
    lines = [_header("zsh", 'In ~/.zshrc, after compinit: eval "$(lostcli completion zsh)"')]
    for listed, values in spec.values.items():
        lines.append(f"typeset -ga __lostcli_{listed}=({' '.join(q(v) for v in values)})")
    described = [f"{name}:{command.help}" for name, command in spec.commands.items()]
    lines.append(f"typeset -ga __lostcli_commands=({' '.join(q(d) for d in described)})")
    lines.append("typeset -gA __lostcli_options=(")
    lines += [f"    {q(name)} {q(' '.join(o))}" for name, o in _option_lists(spec).items()]
    lines.append(")\ntypeset -gA __lostcli_kind=(")
    lines += [f"    {q(key)} {kind}" for key, kind in _kinds(spec).items()]
    lines.append(")")
    lines.append(ZSH_FUNCTION)
    return "\n".join(lines) + "\n"


ZSH_FUNCTION = r"""
_lostcli() {
    local cmd= i word kind prev=${words[CURRENT-1]} cur=${words[CURRENT]}
    for ((i = 2; i < CURRENT; i++)); do
        word=${words[i]}
        if [[ $word == -* ]]; then
            [[ -n ${__lostcli_kind[$cmd $word]-} && $word != *=* ]] && ((i++))
        elif [[ -z $cmd ]]; then
            cmd=$word
        fi
    done
    kind=${__lostcli_kind[$cmd $prev]-}
    [[ -z $kind && $cur != -* && -n $cmd ]] && kind=${__lostcli_kind[$cmd ARGUMENT]-}
    case $kind in
        file) _files; return ;;
        text) return 1 ;;
        ?*) compadd -a __lostcli_$kind; return ;;
    esac
    if [[ $cur == -* || -n $cmd ]]; then
        compadd -- ${=__lostcli_options[${cmd:- }]}
    else
        _describe command __lostcli_commands
    fi
}

(( $+functions[compdef] )) && compdef _lostcli lostcli
"""


def fish(spec: Spec) -> str:
    lines = [
        _header(
            "fish", "In fish: lostcli completion fish > ~/.config/fish/completions/lostcli.fish"
        )
    ]
    for listed, values in spec.values.items():
        lines.append(f"set -g __lostcli_{listed} {' '.join(fish_quote(v) for v in values)}")
    lines.append("complete -c lostcli -f")  # files only where a file is asked for
    names = " ".join(spec.commands)
    for name, command in spec.commands.items():
        lines.append(
            f"complete -c lostcli -n 'not __fish_seen_subcommand_from {names}' "
            f"-a {name} -d {fish_quote(command.help)}"
        )
    for name in ["", *spec.commands]:
        condition = (
            f"__fish_seen_subcommand_from {name}"
            if name
            else f"not __fish_seen_subcommand_from {names}"
        )
        options, valued = _options(spec, name)
        for option in options:
            flag = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
            kind = valued.get(option, "flag") if option in valued else "flag"
            value = {"flag": "", None: " -x", "file": " -rF"}.get(
                kind, f" -x -a '$__lostcli_{kind}'"
            )
            lines.append(f"complete -c lostcli -n {fish_quote(condition)} {flag}{value}")
        argument = spec.commands[name].argument if name else None
        if argument == "file":
            lines.append(f"complete -c lostcli -n {fish_quote(condition)} -F")
        elif argument:
            lines.append(
                f"complete -c lostcli -n {fish_quote(condition)} -a '$__lostcli_{argument}'"
            )
    return "\n".join(lines) + "\n"


def nu(spec: Spec) -> str:
    lines = [
        _header(
            "nushell",
            "Save it where nushell loads it: lostcli completion nu | save --force "
            "($nu.data-dir | path join vendor autoload lostcli-completion.nu)",
        )
    ]
    for listed, values in spec.values.items():
        lines.append(
            f'def "nu-complete lostcli {listed}" [] {{ {json.dumps(values, ensure_ascii=False)} }}'
        )
    for name in ["", *spec.commands]:
        options, valued = _options(spec, name)
        params = []
        for option in options:
            if not option.startswith("--"):
                continue
            short = "(-h)" if option == "--help" else ""
            if option in valued:
                kind = valued[option]
                kind_type = "path" if kind == "file" else "string"
                completer = f'@"nu-complete lostcli {kind}"' if kind not in (None, "file") else ""
                params.append(f"    {option}{short}: {kind_type}{completer}")
            else:
                params.append(f"    {option}{short}")
        argument = spec.commands[name].argument if name else None
        if argument:
            kind_type = "path" if argument == "file" else f'string@"nu-complete lostcli {argument}"'
            params.append(f"    argument?: {kind_type}")
        title = f"lostcli {name}".strip()
        lines.append(f'extern "{title}" [\n' + "\n".join(params) + "\n]")
    return "\n".join(lines) + "\n"


def elvish(spec: Spec) -> str:
    def words(values: list[str]) -> str:
        return "[" + " ".join(elvish_quote(v) for v in values) + "]"

    lines = [
        _header("elvish", "In ~/.config/elvish/rc.elv: eval (lostcli completion elvish | slurp)")
    ]
    lines.append(
        "var values = [&" + " &".join(f"{k}={words(v)}" for k, v in spec.values.items()) + "]"
    )
    lines.append(f"var commands = {words(list(spec.commands))}")
    options = [f"{elvish_quote(name)}={words(o)}" for name, o in _option_lists(spec).items()]
    lines.append("var options = [&" + " &".join(options) + "]")
    kinds = [f"{elvish_quote(key)}={kind}" for key, kind in _kinds(spec).items()]
    lines.append("var kinds = [&" + " &".join(kinds) + "]")
    lines.append(ELVISH_FUNCTION)
    return "\n".join(lines) + "\n"


ELVISH_FUNCTION = r"""
use str
fn complete {|@words|
  var cmd = ''
  var skip = $false
  for word $words[1..-1] {
    if $skip {
      set skip = $false
    } elif (str:has-prefix $word -) {
      set skip = (has-key $kinds $cmd' '$word)
    } elif (eq $cmd '') {
      set cmd = $word
    }
  }
  var cur = $words[-1]
  var prev = $words[-2]
  var kind = ''
  if (has-key $kinds $cmd' '$prev) {
    set kind = $kinds[$cmd' '$prev]
  } elif (and (not-eq $cmd '') (not (str:has-prefix $cur -)) (has-key $kinds $cmd' ARGUMENT')) {
    set kind = $kinds[$cmd' ARGUMENT']
  }
  if (eq $kind file) {
    edit:complete-filename $cur
  } elif (eq $kind text) {
  } elif (not-eq $kind '') {
    all $values[$kind]
  } elif (or (str:has-prefix $cur -) (not-eq $cmd '')) {
    all $options[(if (eq $cmd '') { put ' ' } else { put $cmd })]
  } else {
    all $commands
  }
}
set edit:completion:arg-completer[lostcli] = $complete~
"""


def xonsh(spec: Spec) -> str:
    table = {
        "values": spec.values,
        "commands": list(spec.commands),
        "options": _option_lists(spec),
        "kinds": _kinds(spec),
    }
    return (
        _header("xonsh", "In ~/.xonshrc: execx($(lostcli completion xonsh))")
        + f"_lostcli_table = {table!r}\n"
        + XONSH_FUNCTION
    )


XONSH_FUNCTION = r'''

def _lostcli_complete(prefix, line, begidx, endidx, ctx):
    """Completes `lostcli` command lines from the table above."""
    words = line[:begidx].split()
    if not words or words[0] != "lostcli":
        return None
    table, cmd, skip = _lostcli_table, "", False
    for word in words[1:]:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = f"{cmd} {word}" in table["kinds"]
        elif not cmd:
            cmd = word
    prev = words[-1]
    kind = table["kinds"].get(f"{cmd} {prev}")
    if kind is None and cmd and not prefix.startswith("-"):
        kind = table["kinds"].get(f"{cmd} ARGUMENT")
    if kind == "file":
        return None  # xonsh's own file completion
    if kind == "text":
        return set()
    if kind:
        found = table["values"][kind]
    elif prefix.startswith("-") or cmd:
        found = table["options"][cmd or " "]
    else:
        found = table["commands"]
    return {w for w in found if w.startswith(prefix)}


completer add lostcli _lostcli_complete "start"
'''


RENDER = {"bash": bash, "zsh": zsh, "fish": fish, "nu": nu, "elvish": elvish, "xonsh": xonsh}
