using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>The redesign programme: vision and principles, commissioning groups, questions, gateway decisions, the change jigsaw.</summary>
public partial class LocalFlowDb
{
    public DbSet<RedesignProgramme> RedesignProgrammes => Set<RedesignProgramme>();
    public DbSet<CommissioningGroup> CommissioningGroups => Set<CommissioningGroup>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<CommissioningQuestion> CommissioningQuestions => Set<CommissioningQuestion>();
    public DbSet<QuestionYear> QuestionYears => Set<QuestionYear>();
    public DbSet<GatewayRecord> GatewayRecords => Set<GatewayRecord>();
    public DbSet<JigsawResponse> JigsawResponses => Set<JigsawResponse>();
}
