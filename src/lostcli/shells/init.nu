# lostcli prompt segment for nushell, from `lostcli init nu` (lostcli __VERSION__).
# Nushell cannot evaluate a string, so save this in a file that it loads, as starship's and
# zoxide's are: in its vendor autoload folder,
#   lostcli init nu | save --force ($nu.data-dir | path join vendor autoload lostcli.nu)
# or anywhere, with `source` in config.nu. Drawing a prompt starts no process: the time comes
# from `date now`. The segment is kept in $env.LOSTCLI_SEGMENT (for starship's env_var module),
# worked out by a pre_prompt hook, and shown in front of the prompt unless the init said
# --no-prompt. LOSTCLI_PROMPT=off hides it; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock.
const __NS__release = __RELEASE__
const __NS__format = __FORMAT__
const __NS__icon = __ICON__
const __NS__title = __TITLE__
const __NS__place = (__PLACE__ == 1)
const __NS__color = (__COLOR__ == 1)
# the compact forms, named by their largest unit: plural with the next unit, singular without
const __NS__forms = {
    days: __DAYS__, day: __DAY__, hours: __HOURS__, hour: __HOUR__, minutes: __MINUTES__,
    minute: __MINUTE__, second: __SECOND__, ago: __AGO__, now: __NOW__,
    upcoming: __UPCOMING__, released: __RELEASED__
}

def --env __NS__segment [] {
    $env.LOSTCLI_SEGMENT = ""
    if ($env.LOSTCLI_PROMPT? | default "") == "off" { return }
    let given = ($env.LOSTCLI_PROMPT_NOW? | default "" | into string)
    let now = if ($given =~ '^-?[0-9]{1,15}$') {
        $given | into int
    } else {
        (date now | into int) // 1_000_000_000
    }
    let s = $__NS__release - $now
    let d = if $s > 0 { $s // 86400 } else { (0 - $s) // 86400 }
    let pad = {|n| $n | fill --alignment right --character "0" --width 2 }
    let h = if $s > 0 { ($s mod 86400) // 3600 } else { 0 }
    let m = if $s > 0 { ($s mod 3600) // 60 } else { 0 }
    let sec = if $s > 0 { $s mod 60 } else { 0 }
    let form = if $s <= 0 {
        if $d > 0 { $__NS__forms.ago } else { $__NS__forms.now }
    } else {
        let unit = if $d > 0 { ["day" $h] } else if $h > 0 { ["hour" $m] } else if $m > 0 {
            ["minute" $sec]
        } else { ["second" 0] }
        $__NS__forms | get ($unit.0 + (if $unit.1 > 0 { "s" } else { "" }))
    }
    let rel = (
        $form
        | str replace --all "{d}" ($d | into string)
        | str replace --all "{h2}" (do $pad $h) | str replace --all "{h}" ($h | into string)
        | str replace --all "{m2}" (do $pad $m) | str replace --all "{m}" ($m | into string)
        | str replace --all "{s2}" (do $pad $sec) | str replace --all "{s}" ($sec | into string)
    )
    $env.LOSTCLI_SEGMENT = (  # the title last: one in braces is not a placeholder
        $__NS__format
        | str replace --all "{rel}" $rel
        | str replace --all "{days}" ($d | into string)
        | str replace --all "{status}" (if $s > 0 { $__NS__forms.upcoming } else { $__NS__forms.released })
        | str replace --all "{icon}" $__NS__icon
        | str replace --all "{title}" $__NS__title
    )
}

# Once per shell: loading the file twice must not wrap the prompt twice.
if ($env.__LOSTCLI_NU_PID? | default 0) != $nu.pid {
    $env.__LOSTCLI_NU_PID = $nu.pid
    $env.config.hooks.pre_prompt = (
        $env.config.hooks.pre_prompt? | default [] | append {|| __NS__segment }
    )
    if $__NS__place {
        let previous = ($env.PROMPT_COMMAND? | default "")
        $env.PROMPT_COMMAND = {||
            let prompt = if ($previous | describe | str starts-with "closure") {
                do $previous
            } else {
                $previous
            }
            let segment = ($env.LOSTCLI_SEGMENT? | default "")
            if $segment == "" {
                $prompt
            } else if $__NS__color {
                $"(ansi magenta)($segment)(ansi reset) ($prompt)"
            } else {
                $"($segment) ($prompt)"
            }
        }
    }
}
