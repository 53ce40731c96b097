# bash completion for tolmach (printed by 'tolmach completion bash').
# Load it with: source <(tolmach completion bash)
# The candidates come from 'tolmach __complete WORDS…', whose first output
# line says what to offer: "values" (the lines that follow, each maybe
# with a tab and a description), "files" or "dirs".

_tolmach() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD-1]}
    local IFS=$'\n'
    local -a out
    out=($(tolmach __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)) || return 0
    # bash breaks "--format=js" at '=': the word under the cursor is then
    # "=" or what follows it, while tolmach answers with whole words.
    local split=
    if [[ $cur == = ]]; then
        cur= split=1
    elif [[ $prev == = ]]; then
        split=1
    fi
    case ${out[0]} in
    files)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        ;;
    dirs)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur"))
        ;;
    *)
        COMPREPLY=()
        local line value
        for line in "${out[@]:1}"; do
            value=${line%%$'\t'*}
            [[ -n $split ]] && value=${value#*=}
            COMPREPLY+=("$value")
        done
        # "--report sarif=": the path follows without a space.
        if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        ;;
    esac
    return 0
}

complete -F _tolmach tolmach
