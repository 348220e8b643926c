# lostcli completion for zsh, from `lostcli completion zsh` (lostcli __VERSION__).
# In ~/.zshrc, after compinit: eval "$(lostcli completion zsh)"
# Every list is in this script: a TAB starts no process.
__TABLES__

__NS__complete() {
    local cmd= i word kind prev=${words[CURRENT-1]} cur=${words[CURRENT]}
    local -a described
    for ((i = 2; i < CURRENT; i++)); do
        word=${words[i]}
        if [[ $word == -* ]]; then
            [[ -n ${__NS__kind[$cmd $word]-} && $word != *=* ]] && ((i++))
        elif [[ -z $cmd ]]; then
            cmd=$word
        fi
    done
    kind=${__NS__kind[$cmd $prev]-}
    [[ -z $kind && $cur != -* && -n $cmd ]] && kind=${__NS__kind[$cmd ARGUMENT]-}
    case $kind in
        file) _files; return ;;
        text) return 1 ;;
        zone) compadd -M 'm:{a-zA-Z}={A-Za-z}' -a __NS__values_zone; return ;;  # as --tz reads it
        ?*) compadd -a __NS__values_$kind; return ;;
    esac
    if [[ $cur == -* || -n $cmd ]]; then
        described=("${(@f)__NS__options[${cmd:- }]}")  # option:what it does, one a line
        _describe option described
    else
        _describe command __NS__commands
    fi
}

(( $+functions[compdef] )) && compdef __NS__complete lostcli
