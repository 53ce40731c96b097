# fish completion for tolmach (printed by 'tolmach completion fish').
# Install it with: tolmach completion fish > ~/.config/fish/completions/tolmach.fish
# The candidates come from 'tolmach __complete WORDS…', whose first output
# line says what to offer: "values" (the lines that follow, each maybe
# with a tab and a description), "files" or "dirs".

function __tolmach_complete
    set -l cur (commandline -ct)
    set -l words (commandline -opc)
    set -l out (command tolmach __complete $words[2..-1] $cur 2>/dev/null)
    or return
    switch "$out[1]"
        case files dirs
            # The value of "--glossary=FILE" is completed after the '='.
            set -l prefix (string match -r -- '^-[^=]*=' $cur)
            set -l path (string replace -r -- '^-[^=]*=' '' $cur)
            if test "$out[1]" = dirs
                __fish_complete_directories $path | string replace -r -- '^' "$prefix"
            else
                __fish_complete_path $path | string replace -r -- '^' "$prefix"
            end
        case '*'
            printf '%s\n' $out[2..-1]
    end
end

complete -c tolmach -f -a '(__tolmach_complete)'
