using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Web.Tests.Support;

namespace LocalFlow.Web.Tests;

/// <summary>
/// Signs in as each demo role and follows every link the demo shows, as a newcomer clicking around would.
/// Every page must open (no link to a page the user may not open, none broken), no page may show C#
/// written in a Razor view so that it prints as text, none may send the reader to a repository file, and
/// every govuk- class used must exist in GOV.UK Frontend. Two roles crawl in Welsh: every page they reach must say
/// so in its <c>lang</c>, show the frame in Welsh, and mark content not yet translated as English.
/// </summary>
public partial class CrawlTests : IClassFixture<CrawlTests.App>
{
    public sealed class App : IDisposable
    {
        public LocalFlowApp Factory { get; } = new(households: 40);

        public void Dispose() => Factory.Dispose();
    }

    // Pages of one shape (the same path with other ids, or the same query keys) show the same markup: a few suffice.
    private const int PerShape = 2;
    private const int MaxPages = 600;

    private static readonly string[] CodeFragments = ["=>", "switch {", "@(", "@Model", ".ToString(", "Model.", "new {", "@foreach", "@if (", "System.Collections", "LocalFlow.Data."];

    private readonly LocalFlowApp _app;

    public CrawlTests(App app) => _app = app.Factory;

    public static TheoryData<string> Roles => new(DemoUsers.All);

    /// <summary>The roles that crawl in Welsh: between them they reach the locality team's and the analysts' pages.</summary>
    private static readonly string[] WelshRoles = [DemoUsers.Worker, DemoUsers.Analyst];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPageReachableByLinks_Opens_AndShowsNoCode(string role)
    {
        var client = await _app.ClientAsync(role);
        var welsh = WelshRoles.Contains(role);
        if (welsh)
        {
            (await client.GetAsync("/Language?to=cy&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/", "start"));
        var visited = 0;
        var frontend = await client.GetStringAsync("/lib/govuk/govuk-frontend.min.css") + FrontendTemplates.Value;
        var classesChecked = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0 && visited < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            visited++;
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
            {
                var to = response.Headers.Location?.ToString() ?? "";
                if (to.Contains("/AccessDenied", StringComparison.Ordinal) || to.Contains("/SignIn", StringComparison.Ordinal))
                {
                    problems.Add($"{url} (linked from {from}) is not open to {role}: {to}");
                }
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{url} (linked from {from}) answered {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            problems.AddRange(CodeShown(html).Select(c => $"{url} shows code: {c}"));
            if (welsh)
            {
                problems.AddRange(NotWelsh(html).Select(p => $"{url} in Welsh: {p}"));
            }
            foreach (Match c in GovukClass().Matches(html))
            {
                // A class is GOV.UK Frontend's when its stylesheet styles it or a component's template writes it.
                if (classesChecked.Add(c.Value)
                    && !frontend.Contains("." + c.Value.Replace("!", "\\!", StringComparison.Ordinal), StringComparison.Ordinal)
                    && !Regex.IsMatch(frontend, $@"[\s""]{Regex.Escape(c.Value)}[\s""]"))
                {
                    problems.Add($"{url} uses the class {c.Value}, which GOV.UK Frontend does not have");
                }
            }
            if (RepositoryFile().Match(VisibleText(html)) is { Success: true } file)
            {
                problems.Add($"{url} names a repository file, which a user cannot open: {file.Value}");
            }
            foreach (Match m in Href().Matches(html))
            {
                var link = Normalise(WebUtility.HtmlDecode(m.Groups[1].Value));
                if (link is null || !seen.Add(link))
                {
                    continue;
                }
                var shape = Shape(link);
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] <= PerShape)
                {
                    queue.Enqueue((link, url));
                }
            }
        }
        visited.ShouldBeGreaterThan(5, $"{role} reached only {visited} pages");
        problems.ShouldBeEmpty($"{role}, {visited} pages:\n" + string.Join("\n", problems));
    }

    /// <summary>GOV.UK Frontend's component templates, as installed by the build (npm).</summary>
    private static readonly Lazy<string> FrontendTemplates = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LocalFlow.slnx")))
        {
            dir = dir.Parent;
        }
        var components = Path.Combine(dir?.FullName ?? ".", "src", "LocalFlow.Web", "node_modules", "govuk-frontend", "dist", "govuk", "components");
        Directory.Exists(components).ShouldBeTrue($"GOV.UK Frontend is not installed at {components}: build the web project first");
        return string.Concat(Directory.EnumerateFiles(components, "template.njk", SearchOption.AllDirectories).Select(File.ReadAllText));
    });

    /// <summary>A same-site page link worth following, without its fragment; null for anything else.</summary>
    private static string? Normalise(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? href[..hash] : href;
        string[] skip = ["/SignOut", "/Language", "/api/", "/lib/", "/css/", "/js/", "/favicon", "/assets/", "/health"];
        return path.Length == 0 || skip.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ? null : path;
    }

    /// <summary>The link with its ids and query values blanked: links of one shape show one page template.</summary>
    private static string Shape(string link)
    {
        var q = link.IndexOf('?', StringComparison.Ordinal);
        var path = Ids().Replace(q >= 0 ? link[..q] : link, "/{id}");
        var keys = q >= 0 ? string.Join("&", link[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";
        return path + "?" + keys;
    }

    /// <summary>Each C# fragment a page's visible text shows, with the words around it (empty when none).</summary>
    public static IReadOnlyList<string> CodeShown(string html)
    {
        var text = VisibleText(html);
        var found = new List<string>();
        foreach (var fragment in CodeFragments)
        {
            var at = text.IndexOf(fragment, StringComparison.Ordinal);
            if (at >= 0)
            {
                found.Add($"\"{fragment}\" in …{text[Math.Max(0, at - 60)..Math.Min(text.Length, at + 60)]}…");
            }
        }
        return found;
    }

    /// <summary>
    /// What is wrong with a page asked for in Welsh: its <c>lang</c> is not "cy", its frame shows English, or its
    /// content is not yet translated and is not marked as English (empty when nothing).
    /// </summary>
    public static IReadOnlyList<string> NotWelsh(string html)
    {
        var found = new List<string>();
        if (!html.Contains("<html lang=\"cy\"", StringComparison.Ordinal))
        {
            found.Add("the page's lang is not \"cy\"");
        }
        // The frame: everything but the page's own content.
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        var frame = start >= 0 && end > start ? html[..start] + html[end..] : html;
        foreach (var english in (string[])["Skip to main content", "Sign out", "Support links", "Accessibility<", "LocalFlow is new and growing"])
        {
            if (frame.Contains(english, StringComparison.Ordinal))
            {
                found.Add($"its frame shows \"{english.TrimEnd('<')}\"");
            }
        }
        var notice = html.Contains("Nid yw'r dudalen hon ar gael yn Gymraeg eto", StringComparison.Ordinal) || html.Contains("Nid yw&#x27;r dudalen hon", StringComparison.Ordinal);
        var markedEnglish = html.Contains("id=\"main-content\" lang=\"en-GB\"", StringComparison.Ordinal);
        if (notice != markedEnglish)
        {
            found.Add(notice ? "says it is not in Welsh but its content is not marked as English" : "its content is marked as English without saying so");
        }
        if (MissingText().Match(VisibleText(html)) is { Success: true } missing)
        {
            found.Add($"text missing from the resource files: {missing.Value}");
        }
        return found;
    }

    /// <summary>What a reader sees: the page without its scripts, styles and tags, entities decoded.</summary>
    public static string VisibleText(string html)
    {
        var body = NotShown().Replace(html, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(body, " ")), " ");
    }

    [GeneratedRegex(@"\[[A-Z][A-Za-z]+\]")]
    private static partial Regex MissingText();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"/(\d+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[0-9a-fA-F]{32})(?=/|$)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"<(script|style)\b[\s\S]*?</\1>", RegexOptions.IgnoreCase)]
    private static partial Regex NotShown();

    [GeneratedRegex(@"\b(docs|src|tests)/[\w./-]+\.(md|cs|cshtml|sql)\b")]
    private static partial Regex RepositoryFile();

    [GeneratedRegex(@"(?<=class=""(?:[^""]*\s)?)govuk-[\w!-]+")]
    private static partial Regex GovukClass();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
