using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data;

/// <summary>I statements, their scores, and recordings of a person's plan.</summary>
public partial class LocalFlowDb
{
    public DbSet<PersonStatement> PersonStatements => Set<PersonStatement>();
    public DbSet<StatementScore> StatementScores => Set<StatementScore>();
    public DbSet<PlanRecording> PlanRecordings => Set<PlanRecording>();
    public DbSet<PlanRecordingContent> PlanRecordingContents => Set<PlanRecordingContent>();
}
