using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>A commissioning group as typed into the form.</summary>
public sealed class GroupInput
{
    public string? Name { get; set; }
    public string? Remit { get; set; }
    /// <summary>The version the form was read at (schema 37); a save from an older one is refused.</summary>
    public int Version { get; set; }

    public static GroupInput From(CommissioningGroup g) => new() { Name = g.Name, Remit = g.Remit, Version = g.Version };
}

/// <summary>The outcome of saving a group: saved, or refused because someone else saved first (with what they saved).</summary>
public sealed record GroupSave(bool Saved, CommissioningGroup Current);

/// <summary>The outcome of saving a member: saved, or refused because someone else saved first (with what they saved).</summary>
public sealed record MemberSave(bool Saved, GroupMember Current);

/// <summary>A member of a commissioning group as typed into the form: kind is "staff" or "citizen".</summary>
public sealed class MemberInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Background { get; set; }
    /// <summary>The user name they sign in to LocalFlow with, when they have one.</summary>
    public string? UserName { get; set; }
    /// <summary>The version the form was read at (schema 37); a save from an older one is refused.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Commissioning groups and their members (handbook, chapter 3: groups of eight to ten staff and citizens with equal
/// standing). Members are people named by the programme, so every change is audited as a change of personal data.
/// </summary>
public static class Groups
{
    /// <summary>The group size the handbook recommends; outside it the page says so, as guidance, never a block.</summary>
    public const int SmallestAdvised = 8, LargestAdvised = 10;

    /// <summary>The words a member's kind is written as in a form's value.</summary>
    public static readonly IReadOnlyList<(MemberKind Kind, string Code)> Kinds = [(MemberKind.Staff, "staff"), (MemberKind.Citizen, "citizen")];

    public static string Code(MemberKind k) => Kinds.First(x => x.Kind == k).Code;

    /// <summary>True when a group of <paramref name="members"/> people is outside the advised eight to ten.</summary>
    public static bool OutsideAdvisedSize(int members) => members is < SmallestAdvised or > LargestAdvised;

    /// <summary>
    /// Adds a group (<paramref name="groupId"/> null) or changes one. Throws <see cref="RedesignInputException"/> with
    /// the problems by field (Name, Remit), changing nothing; returns null when the group is not this locality's. A
    /// change made from an older version than the stored one (two people editing the group at once) is refused and the
    /// stored group comes back, so the form shows both and keeps what was typed.
    /// </summary>
    public static async Task<GroupSave?> SaveGroupAsync(LocalFlowDb db, int localityId, int? groupId, GroupInput input, string by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = (input.Name ?? "").Trim();
        var remit = (input.Remit ?? "").Trim();
        if (name.Length == 0)
        {
            errors["Name"] = "Enter the group's name, for example \"Living well at home\".";
        }
        else if (name.Length > 200)
        {
            errors["Name"] = $"The group's name must be 200 characters or fewer; it is {name.Length}.";
        }
        else if (await db.CommissioningGroups.AnyAsync(g => g.LocalityId == localityId && g.Name == name && g.Id != (groupId ?? 0), ct))
        {
            errors["Name"] = $"There is already a group called \"{name}\": give this one another name.";
        }
        if (remit.Length == 0)
        {
            errors["Remit"] = "Enter the group's remit: whose lives and which services it looks at.";
        }
        else if (remit.Length > 2000)
        {
            errors["Remit"] = $"The remit must be 2,000 characters or fewer; it is {remit.Length}.";
        }
        CommissioningGroup? group;
        if (groupId is int id)
        {
            group = await db.CommissioningGroups.SingleOrDefaultAsync(g => g.LocalityId == localityId && g.Id == id, ct);
            if (group is null)
            {
                return null;
            }
            if (group.Version != input.Version)
            {
                return new(false, group);
            }
        }
        else
        {
            group = new CommissioningGroup { LocalityId = localityId, Name = name };
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        group.Name = name;
        group.Remit = remit;
        group.UpdatedBy = by;
        group.Version++;
        if (groupId is null)
        {
            db.CommissioningGroups.Add(group);
            await db.SaveChangesAsync(ct);
        }
        AuditTrail.Add(db, AuditEventType.PersonalDataChanged, groupId is null ? AuditOperation.Create : AuditOperation.Update,
            nameof(CommissioningGroup), group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), localityId, $"group \"{name}\"");
        var (saved, current) = await ResourceDatabase.SaveOrReloadAsync(db, group, group.Id, ct);
        return new(saved, current);
    }

    /// <summary>
    /// Adds a member to a group (<paramref name="memberId"/> null) or changes one. Throws
    /// <see cref="RedesignInputException"/> with the problems by field (Name, Kind, Background, UserName), changing
    /// nothing; returns null when the group or member is not this locality's. A change made from an older version is
    /// refused with the stored member, as a group's is.
    /// </summary>
    public static async Task<MemberSave?> SaveMemberAsync(LocalFlowDb db, int localityId, int groupId, int? memberId, MemberInput input, string by, CancellationToken ct = default)
    {
        if (!await db.CommissioningGroups.AnyAsync(g => g.LocalityId == localityId && g.Id == groupId, ct))
        {
            return null;
        }
        GroupMember? member = null;
        if (memberId is int mid && (member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.Id == mid, ct)) is null)
        {
            return null;
        }
        if (member is not null && member.Version != input.Version)
        {
            return new(false, member);
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = (input.Name ?? "").Trim();
        var background = (input.Background ?? "").Trim();
        var userName = (input.UserName ?? "").Trim();
        if (name.Length == 0)
        {
            errors["Name"] = "Enter the member's name.";
        }
        else if (name.Length > 200)
        {
            errors["Name"] = $"The member's name must be 200 characters or fewer; it is {name.Length}.";
        }
        var kind = Kinds.Where(k => string.Equals(k.Code, input.Kind?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(k => (MemberKind?)k.Kind).FirstOrDefault();
        if (kind is null)
        {
            errors["Kind"] = "Choose whether they are a member of staff or a citizen.";
        }
        if (background.Length == 0)
        {
            errors["Background"] = "Enter the agency or community they come from, for example \"District nurse\" or \"Runs the lunch club at St Mark's\".";
        }
        else if (background.Length > 500)
        {
            errors["Background"] = $"Where they come from must be 500 characters or fewer; it is {background.Length}.";
        }
        int? userId = null;
        if (userName.Length > 0)
        {
            userId = await db.Users.Where(u => u.UserName == userName && u.Localities.Any(l => l.LocalityId == localityId)).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (userId is null)
            {
                errors["UserName"] = $"Nobody signs in to this locality as \"{userName}\": check the user name, or leave it blank.";
            }
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        member ??= db.GroupMembers.Add(new GroupMember { GroupId = groupId, Name = name }).Entity;
        member.Name = name;
        member.Kind = kind!.Value;
        member.Background = background;
        member.UserId = userId;
        member.UpdatedBy = by;
        member.Version++;
        if (memberId is null)
        {
            await db.SaveChangesAsync(ct);
        }
        AuditTrail.Add(db, AuditEventType.PersonalDataChanged, memberId is null ? AuditOperation.Create : AuditOperation.Update,
            nameof(GroupMember), member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), localityId, $"member of group {groupId}");
        var (saved, current) = await ResourceDatabase.SaveOrReloadAsync(db, member, member.Id, ct);
        return new(saved, current);
    }

    /// <summary>Removes a member from a group; false when the group or member is not this locality's.</summary>
    public static async Task<bool> RemoveMemberAsync(LocalFlowDb db, int localityId, int groupId, int memberId, CancellationToken ct = default)
    {
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.GroupId == groupId
            && db.CommissioningGroups.Any(g => g.Id == groupId && g.LocalityId == localityId), ct);
        if (member is null)
        {
            return false;
        }
        db.GroupMembers.Remove(member);
        AuditTrail.Add(db, AuditEventType.PersonalDataChanged, AuditOperation.Delete,
            nameof(GroupMember), memberId.ToString(System.Globalization.CultureInfo.InvariantCulture), localityId, $"member of group {groupId}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
