using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// Writes a <see cref="MeasuresReport"/> as PDF (PDFsharp): A4 landscape, its sections, paragraphs and tables in
/// order, wrapped and broken across pages with the column headings repeated. Only lays out what the report already
/// says; it computes nothing.
/// </summary>
public static class ReportPdf
{
    private const string Family = "LocalFlow Sans";
    private const double Margin = 40;
    private const double Body = 9;

    static ReportPdf()
    {
        GlobalFontSettings.FontResolver ??= new SystemFonts();
    }

    /// <summary>The report as a PDF document's bytes.</summary>
    public static byte[] Write(MeasuresReport report, DateTimeOffset made)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var doc = new PdfDocument();
        doc.Info.Title = report.Title;
        doc.Info.Author = "LocalFlow";
        doc.Info.CreationDate = made.UtcDateTime;
        var layout = new Layout(doc);
        layout.Text(report.Title, 16, bold: true, after: 8);
        foreach (var section in report.Sections)
        {
            layout.Text(section.Heading, 13, bold: true, before: 8, after: 4);
            foreach (var p in section.Paragraphs)
            {
                layout.Text(p, Body, after: 4);
            }
            foreach (var table in section.Tables)
            {
                layout.Table(table);
            }
        }
        layout.Close();
        using var stream = new MemoryStream();
        doc.Save(stream);
        return stream.ToArray();
    }

    private sealed class Layout(PdfDocument doc)
    {
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;
        private double Width => _page!.Width.Point - (2 * Margin);
        private double Bottom => _page!.Height.Point - Margin;

        private XGraphics Gfx
        {
            get
            {
                if (_gfx is null)
                {
                    NewPage();
                }
                return _gfx!;
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = doc.AddPage();
            _page.Size = PageSize.A4;
            _page.Orientation = PageOrientation.Landscape;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
            var font = new XFont(Family, 7, XFontStyleEx.Regular);
            _gfx.DrawString($"Page {doc.PageCount}", font, XBrushes.DimGray, new XRect(Margin, Bottom + 12, Width, 10), XStringFormats.TopRight);
        }

        public void Close() => _gfx?.Dispose();

        private static XFont Font(double size, bool bold) => new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            lines.Add(line);
            return lines;
        }

        public void Text(string text, double size, bool bold = false, double before = 0, double after = 0)
        {
            _ = Gfx;
            var font = Font(size, bold);
            var height = size * 1.3;
            _y += before;
            foreach (var line in Wrap(text, font, Width))
            {
                if (_y + height > Bottom)
                {
                    NewPage();
                }
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
                _y += height;
            }
            _y += after;
        }

        public void Table(ReportTable table)
        {
            Text(table.Caption, 10, bold: true, before: 6, after: 2);
            var n = table.Columns.Count;
            // the first column (what the row is) gets a double share of the width
            var unit = Width / (n + 1);
            double X(int i) => Margin + (i == 0 ? 0 : unit * (i + 1));
            double W(int i) => i == 0 ? unit * 2 : unit;
            var regular = Font(8, bold: false);
            var heading = Font(8, bold: true);
            const double line = 10.4;

            double RowHeight(IReadOnlyList<string> cells, XFont font)
                => cells.Select((c, i) => Wrap(c, font, W(i) - 4).Count).Max() * line + 3;

            void Row(IReadOnlyList<string> cells, XFont font)
            {
                var h = RowHeight(cells, font);
                for (var i = 0; i < cells.Count; i++)
                {
                    var y = _y + 1;
                    foreach (var l in Wrap(cells[i], font, W(i) - 4))
                    {
                        Gfx.DrawString(l, font, XBrushes.Black, new XRect(X(i) + 2, y, W(i) - 4, line), XStringFormats.TopLeft);
                        y += line;
                    }
                }
                _y += h;
                Gfx.DrawLine(XPens.LightGray, Margin, _y, Margin + Width, _y);
            }

            if (_y + RowHeight(table.Columns, heading) + RowHeight(table.Rows.FirstOrDefault() ?? table.Columns, regular) > Bottom)
            {
                NewPage();
            }
            Row(table.Columns, heading);
            foreach (var cells in table.Rows)
            {
                if (_y + RowHeight(cells, regular) > Bottom)
                {
                    NewPage();
                    Row(table.Columns, heading);
                }
                Row(cells, regular);
            }
            _y += 6;
        }
    }

    /// <summary>
    /// PDFsharp draws with TrueType fonts it embeds, and on Linux it finds none by itself: this gives it Liberation Sans
    /// or DejaVu Sans from the system's fonts (packages fonts-liberation or fonts-dejavu-core).
    /// </summary>
    private sealed class SystemFonts : IFontResolver
    {
        private static readonly string[] Folders = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu", "/usr/local/share/fonts", "C:\\Windows\\Fonts"];
        private static readonly string[] Regular = ["LiberationSans-Regular.ttf", "DejaVuSans.ttf", "arial.ttf"];
        private static readonly string[] Bold = ["LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf", "arialbd.ttf"];

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

        public byte[]? GetFont(string faceName)
        {
            var names = faceName == "bold" ? Bold : Regular;
            foreach (var name in names)
            {
                foreach (var folder in Folders)
                {
                    var path = Path.Combine(folder, name);
                    if (File.Exists(path))
                    {
                        return File.ReadAllBytes(path);
                    }
                }
            }
            throw new InvalidOperationException($"The PDF report needs a font and found none of {string.Join(", ", names)} in {string.Join(", ", Folders)}. Install fonts-liberation or fonts-dejavu-core.");
        }
    }
}
