namespace LocalFlow.Web.Tests.Support;

/// <summary>The demo sign-ins, one per role (see README).</summary>
public static class DemoUsers
{
    public const string Admin = "admin";
    public const string Study = "study";
    public const string Worker = "worker";
    public const string Analyst = "analyst";
    public const string Commissioner = "commissioner";
    public const string DataOfficer = "dataofficer";
    public const string Citizen = "citizen";
    public const string Steering = "steering";

    public static readonly string[] All = [Admin, Study, Worker, Analyst, Commissioner, DataOfficer, Citizen, Steering];
}
