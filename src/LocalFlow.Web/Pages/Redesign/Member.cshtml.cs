using LocalFlow.Data;
using LocalFlow.Data.Redesign;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Redesign;

/// <summary>Add a member to a commissioning group, or change or remove one. Staff and citizens have the same standing.</summary>
[Authorize(Policy = Policies.RedesignGroups)]
public sealed class MemberModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public int GroupId { get; private set; }
    public string GroupName { get; private set; } = "";
    /// <summary>The member being changed; null when adding.</summary>
    public int? Id { get; private set; }
    /// <summary>The version someone else saved meanwhile, when this save was refused.</summary>
    public LocalFlow.Data.Entities.GroupMember? Theirs { get; private set; }

    private async Task<bool> FindGroupAsync(int locality, int group, int? id, CancellationToken ct)
    {
        GroupId = group;
        Id = id;
        GroupName = await db.CommissioningGroups.AsNoTracking().Where(g => g.LocalityId == locality && g.Id == group).Select(g => g.Name).SingleOrDefaultAsync(ct) ?? "";
        return GroupName.Length > 0;
    }

    public async Task<IActionResult> OnGetAsync(int group, int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || !await FindGroupAsync(locality, group, id, ct))
        {
            return NotFound();
        }
        if (id is int m)
        {
            var member = await db.GroupMembers.AsNoTracking().Where(x => x.GroupId == group && x.Id == m)
                .Select(x => new { x.Name, x.Kind, x.Background, x.Version, User = db.Users.Where(u => u.Id == x.UserId).Select(u => u.UserName).FirstOrDefault() })
                .SingleOrDefaultAsync(ct);
            if (member is null)
            {
                return NotFound();
            }
            Input = new MemberInput { Name = member.Name, Kind = Groups.Code(member.Kind), Background = member.Background, UserName = member.User, Version = member.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int group, int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || !await FindGroupAsync(locality, group, id, ct))
        {
            return NotFound();
        }
        try
        {
            if (await Groups.SaveMemberAsync(db, locality, group, id, Input, current.UserName, ct) is not { } result)
            {
                return NotFound();
            }
            var saved = result.Current;
            if (!result.Saved)
            {
                Theirs = saved;
                RedesignResourceText.SavedWhileEditing(ModelState, "Input.Name", saved.UpdatedBy, RedesignResourceText.MemberThis);
                Input.Version = saved.Version;
                return Page();
            }
            TempData["Done"] = id is null ? Text.Format(RedesignResourceText.MemberAdded, saved.Name, GroupName) : Text.Format(RedesignResourceText.MemberSaved, saved.Name);
            return Redirect($"/Redesign/Groups#group-{group}");
        }
        catch (RedesignInputException ex)
        {
            RedesignText.AddErrors(ModelState, "Input.", ex);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(int group, int? id, CancellationToken ct)
    {
        if (current.LocalityId is not int locality || id is not int m || !await FindGroupAsync(locality, group, id, ct)
            || !await Groups.RemoveMemberAsync(db, locality, group, m, ct))
        {
            return NotFound();
        }
        TempData["Done"] = Text.Format(RedesignResourceText.MemberRemoved, GroupName);
        return Redirect($"/Redesign/Groups#group-{group}");
    }
}
