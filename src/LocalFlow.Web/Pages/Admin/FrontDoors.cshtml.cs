using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
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

    /// <summary>A channel's name in the request's language.</summary>
    public static string ChannelName(Channel c) => AdminText.ChannelName(c);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim();
        var locality = current.LocalityId ?? (await db.Localities.OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync());
        if (locality is null)
        {
            ModelState.AddModelError("Input.Name", AdminText.AddLocalityFirst);
        }
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Input.Name", AdminText.EnterFrontDoorName);
        }
        else if (await db.FrontDoors.AnyAsync(f => f.LocalityId == locality && f.Name == name))
        {
            ModelState.AddModelError("Input.Name", AdminText.FrontDoorTaken);
        }
        if (!Enum.TryParse<Channel>(Input.Channel, out var channel) || !Enum.IsDefined(channel))
        {
            ModelState.AddModelError("Input.Channel", AdminText.ChooseChannel);
        }
        if (!int.TryParse(Input.AgencyId, NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId) || await db.Agencies.FindAsync(agencyId) is null)
        {
            ModelState.AddModelError("Input.AgencyId", AdminText.ChooseAgency);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.FrontDoors.Add(new FrontDoor { LocalityId = locality!.Value, AgencyId = agencyId, Name = name!, Channel = channel });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(FrontDoor), name, locality);
        await db.SaveChangesAsync();
        TempData["Done"] = Text.Format(AdminText.Added, name);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Doors = await db.FrontDoors.Include(f => f.Agency).OrderBy(f => f.Name).ToListAsync();
        AgencyOptions = (await db.Agencies.OrderBy(a => a.Name).ToListAsync()).Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
    }
}
