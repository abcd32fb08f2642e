namespace LocalFlow.Web.Infrastructure;

/// <summary>
/// One page of a long table: its rows, which page it is (from 1, clamped to the pages there are) and how many pages
/// and rows there are in all. Pages show a table of thousands of rows this way, with <see cref="Gov.Pagination"/>, so
/// that a page stays small at locality scale (docs/locality-picture.md).
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Page, int Pages, int Total)
{
    /// <summary>Page <paramref name="page"/> of <paramref name="all"/>, <paramref name="size"/> rows a page; a page out of range shows the nearest one.</summary>
    public static Paged<T> Of(IReadOnlyList<T> all, int page, int size)
    {
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        page = Math.Clamp(page, 1, pages);
        return new(all.Skip((page - 1) * size).Take(size).ToList(), page, pages, all.Count);
    }

    /// <summary>"Rows 51 to 100 of 2,345", the range this page shows.</summary>
    public (string First, string Last, string Total) Range(int size)
        => (Gov.Number((Page - 1) * size + Math.Min(1, Rows.Count)), Gov.Number((Page - 1) * size + Rows.Count), Gov.Number(Total));
}
