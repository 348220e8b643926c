# lostcli completion for bash, from `lostcli completion bash` (lostcli __VERSION__).
# In ~/.bashrc: eval "$(lostcli completion bash)"
# Every list is in this script: a TAB starts no process.
__TABLES__

__NS__add() {  # the candidates in the array named $1 that start with $cur, in any case with $2
    local -n __NS__list=$1
    local word
    for word in "${__NS__list[@]}"; do
        if [[ -n ${2-} ]]; then [[ ${word,,} == "${cur,,}"* ]]; else [[ $word == "$cur"* ]]; fi &&
            COMPREPLY+=("$word")
    done
}

__NS__complete() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i word kind
    COMPREPLY=()
    [[ $prev == = ]] && prev=${COMP_WORDS[COMP_CWORD-2]}  # --tz=Asia/Se
    [[ $cur == = ]] && cur=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            kind=${__NS__kind["$cmd $word"]-}
            [[ -n $kind && ${COMP_WORDS[i+1]-} != = ]] && ((i++))  # skip the option's value
        elif [[ -z $cmd ]]; then
            cmd=$word
        fi
    done
    kind=${__NS__kind["$cmd $prev"]-}
    if [[ -z $kind && $cur != -* && -n $cmd ]]; then
        kind=${__NS__kind["$cmd ARGUMENT"]-}
    fi
    case $kind in
        file) compopt -o default 2>/dev/null; return ;;  # readline's own file names
        text) return ;;
        zone) __NS__add __NS__values_zone nocase; return ;;  # as --tz reads it
        ?*) __NS__add "__NS__values_$kind"; return ;;
    esac
    if [[ $cur == -* || -n $cmd ]]; then
        local options=(${__NS__options["${cmd:- }"]})
        __NS__add options
    else
        __NS__add __NS__commands
    fi
}

complete -F __NS__complete lostcli
