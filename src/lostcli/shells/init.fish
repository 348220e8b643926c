# lostcli prompt segment for fish, from `lostcli init fish` (lostcli __VERSION__).
# fish has no clock builtin, so each prompt runs `date +%s` once.
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock (tests).
set -g __lostcli_release __RELEASE__
set -g __lostcli_format __FORMAT__
set -g __lostcli_icon __ICON__
set -g __lostcli_title __TITLE__

function __lostcli_segment
    test "$LOSTCLI_PROMPT" = off; and return
    set -l now $LOSTCLI_PROMPT_NOW
    test -n "$now"; or set now (date +%s)
    set -l s (math "$__lostcli_release - $now")
    set -l d; set -l rel; set -l state
    if test $s -gt 0
        set state upcoming
        set d (math "floor($s / 86400)")
        set -l h (math "floor($s % 86400 / 3600)")
        set -l m (math "floor($s % 3600 / 60)")
        if test $d -gt 0
            set rel (printf '%dd %02dh' $d $h)
        else if test $h -gt 0
            set rel (printf '%dh %02dm' $h $m)
        else
            set rel (printf '%dm %02ds' $m (math "$s % 60"))
        end
    else
        set state released
        set d (math "floor(-1 * $s / 86400)")
        if test $d -gt 0; set rel "$d"d" ago"; else; set rel "out now"; end
    end
    set -l seg (string replace -a -- '{icon}' $__lostcli_icon $__lostcli_format)
    set seg (string replace -a -- '{title}' $__lostcli_title $seg)
    set seg (string replace -a -- '{rel}' $rel $seg)
    set seg (string replace -a -- '{days}' $d $seg)
    string replace -a -- '{status}' $state $seg
    return 0  # string replace fails when it replaced nothing
end

function __lostcli_return
    return $argv[1]
end

if not functions -q __lostcli_original_prompt
    functions -c fish_prompt __lostcli_original_prompt
    function fish_prompt
        set -l last_status $status
        set -l seg (__lostcli_segment)
        test -n "$seg"; and printf '%s ' $seg
        # hand the last command's status on to the prompt being wrapped
        __lostcli_return $last_status
        __lostcli_original_prompt
    end
end
