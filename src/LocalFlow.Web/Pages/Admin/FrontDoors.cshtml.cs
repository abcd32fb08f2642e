using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Admin;

public sealed class FrontDoorsModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public sealed class DoorInput
    {
        public string? Name { get; set; }
        public string? Channel { get; set; }
        public string? AgencyId { get; set; }
    }

    [BindProperty]
    public DoorInput Input { get; set; } = new();

    public IReadOnlyList<FrontDoor> Doors { get; private set; } = [];
    public IReadOnlyList<(string, string)> AgencyOptions { get; private set; } = [];

    public static string ChannelName(Channel c) => c switch
    {
        Channel.FaceToFace => "Face to face",
        Channel.WebForm => "Web form",
        Channel.HomeVisit => "Home visit",
        Channel.Emergency => "Emergency (999, alarm)",
        _ => c.ToString(),
    };

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim();
        var locality = current.LocalityId ?? (await db.Localities.OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync());
        if (locality is null)
        {
            ModelState.AddModelError("Input.Name", "Add a locality first");
        }
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", "Enter the front door's name");
        }
        else if (await db.FrontDoors.AnyAsync(f => f.LocalityId == locality && f.Name == name))
        {
            ModelState.AddModelError("Input.Name", "There is already a front door with this name");
        }
        if (!Enum.TryParse<Channel>(Input.Channel, out var channel) || !Enum.IsDefined(channel))
        {
            ModelState.AddModelError("Input.Channel", "Choose the channel");
        }
        if (!int.TryParse(Input.AgencyId, NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId) || await db.Agencies.FindAsync(agencyId) is null)
        {
            ModelState.AddModelError("Input.AgencyId", "Choose the agency");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.FrontDoors.Add(new FrontDoor { LocalityId = locality!.Value, AgencyId = agencyId, Name = name!, Channel = channel });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(FrontDoor), name, locality);
        await db.SaveChangesAsync();
        TempData["Done"] = $"{name} added";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Doors = await db.FrontDoors.Include(f => f.Agency).OrderBy(f => f.Name).ToListAsync();
        AgencyOptions = (await db.Agencies.OrderBy(a => a.Name).ToListAsync()).Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
    }
}
