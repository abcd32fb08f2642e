using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Resources;

namespace LocalFlow.Cli;

/// <summary>
/// The language of the command line's help (issue 15, item 15; docs/welsh.md): English, or Welsh when
/// <c>LOCALFLOW_LANGUAGE=cy</c>, or when it is unset and the user's locale is Welsh (<c>LANG=cy_GB.UTF-8</c>).
/// The descriptions stay written in English beside each command and option; the Welsh of each is found in
/// <c>Resources/CliHelpText.cy.resx</c> under the English text itself, so a description changed in English has no
/// Welsh until it is translated again (a test fails on any description without its Welsh). The help's frame
/// (headings, "[options]", "[default: …]") is written here in Welsh. What the commands print, and the parser's own
/// error messages, stay English.
/// </summary>
internal static class CliLanguage
{
    /// <summary>The environment variable that chooses the language: <c>en</c> or <c>cy</c>.</summary>
    public const string EnvironmentVariable = "LOCALFLOW_LANGUAGE";

    private static readonly ResourceManager Welsh = new("LocalFlow.Cli.Resources.CliHelpText", typeof(CliLanguage).Assembly);
    private static readonly CultureInfo WelshCulture = CultureInfo.GetCultureInfo("cy");

    /// <summary>Whether help is written in Welsh, or the error when <paramref name="chosen"/> names no language LocalFlow speaks.</summary>
    public static (bool Welsh, string? Error) Choose(string? chosen, CultureInfo locale)
    {
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return (locale.TwoLetterISOLanguageName == "cy", null);
        }
        return chosen.Trim().ToLowerInvariant() switch
        {
            "cy" or "cy-gb" or "welsh" or "cymraeg" => (true, null),
            "en" or "en-gb" or "english" or "saesneg" => (false, null),
            _ => (false, $"{EnvironmentVariable}: \"{chosen}\" is not a language LocalFlow speaks; use en (English) or cy (Cymraeg)."),
        };
    }

    /// <summary>The Welsh of an English description, or null when it has none.</summary>
    public static string? WelshOf(string english) => Welsh.GetString(english, WelshCulture);

    /// <summary>Every description under <paramref name="root"/>: its commands, options and arguments, help and version included.</summary>
    public static IEnumerable<Symbol> Symbols(Command root)
    {
        yield return root;
        foreach (var option in root.Options)
        {
            yield return option;
        }
        foreach (var argument in root.Arguments)
        {
            yield return argument;
        }
        foreach (var sub in root.Subcommands)
        {
            foreach (var symbol in Symbols(sub))
            {
                yield return symbol;
            }
        }
    }

    /// <summary>Puts every description under <paramref name="root"/> into Welsh (a description with no Welsh stays English) and writes the help's frame in Welsh.</summary>
    public static void ToWelsh(RootCommand root)
    {
        foreach (var symbol in Symbols(root).Distinct())
        {
            if (symbol.Description is { Length: > 0 } english && WelshOf(english) is { } welsh)
            {
                symbol.Description = welsh;
            }
        }
        foreach (var help in Symbols(root).OfType<HelpOption>())
        {
            help.Action = new WelshHelpAction();
        }
    }

    /// <summary>Writes a command's help in Welsh: its description, usage, arguments, options and commands.</summary>
    private sealed class WelshHelpAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output, Width());
            return 0;
        }
    }

    private static int Width() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), CultureInfo.InvariantCulture, out var columns) && columns >= 40 ? columns
        : Console.IsOutputRedirected ? 120 : Math.Max(40, Console.WindowWidth);

    /// <summary>The help of <paramref name="command"/> in Welsh, as the English help lays it out.</summary>
    public static void Write(Command command, TextWriter output, int width)
    {
        output.WriteLine("Disgrifiad:");
        // The description's own lines are kept; one longer than the screen is wrapped at its words.
        foreach (var line in (command.Description ?? "").Split('\n'))
        {
            foreach (var part in Wrap(line.TrimEnd('\r'), Math.Max(20, width - 2)))
            {
                output.WriteLine(("  " + part).TrimEnd());
            }
        }
        output.WriteLine();
        output.WriteLine("Defnydd:");
        output.WriteLine("  " + Usage(command));
        Section(output, width, "Dadleuon:", command.Arguments.Where(a => !a.Hidden).Select(a => ("<" + (a.HelpName ?? a.Name) + ">", a.Description ?? "")));
        Section(output, width, "Opsiynau:", command.Options.Where(o => !o.Hidden).Select(o => (Label(o), Describe(o))));
        Section(output, width, "Gorchmynion:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name + string.Concat(c.Arguments.Where(a => !a.Hidden).Select(a => " <" + (a.HelpName ?? a.Name) + ">")), c.Description ?? "")));
        output.WriteLine();
    }

    private static string Usage(Command command)
    {
        var path = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, c.Name);
        }
        var usage = string.Join(' ', path) + string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => " <" + (a.HelpName ?? a.Name) + ">"));
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            usage += " [gorchymyn]";
        }
        if (command.Options.Any(o => !o.Hidden))
        {
            usage += " [opsiynau]";
        }
        return usage;
    }

    private static string Label(Option option)
    {
        // As the English help: the Windows-style aliases (/?, /h) are not listed, and an option that takes no value shows none.
        var names = string.Join(", ", option.Aliases.Append(option.Name).Where(n => !n.StartsWith('/')).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        var value = option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0 ? "" : " <" + (option.HelpName ?? option.Name.TrimStart('-')) + ">";
        return names + value + (option.Required ? " (GOFYNNOL)" : "");
    }

    private static string Describe(Option option)
    {
        var description = option.Description ?? "";
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value)
        {
            description += " [rhagosodiad: " + Convert.ToString(value, CultureInfo.InvariantCulture) + "]";
        }
        return description;
    }

    private static void Section(TextWriter output, int width, string heading, IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine(heading);
        var column = list.Max(r => r.Label.Length) + 4;
        foreach (var (label, text) in list)
        {
            var lines = Wrap(text, Math.Max(20, width - column));
            output.WriteLine(("  " + label.PadRight(column - 2) + lines[0]).TrimEnd());
            foreach (var line in lines.Skip(1))
            {
                output.WriteLine(new string(' ', column) + line);
            }
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters, at spaces (a longer word has a line of its own); a blank line starts a new paragraph.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        // A description's own line breaks were made for the English width: in a column the words flow again.
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split("\n\n"))
        {
            var line = "";
            foreach (var word in paragraph.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = line.Length == 0 ? word : line + " " + word;
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
