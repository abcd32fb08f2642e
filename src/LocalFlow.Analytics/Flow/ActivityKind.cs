namespace LocalFlow.Analytics.Flow;

/// <summary>
/// What kind of thing an agency did or recorded for a person. Flow studies, the unit-cost catalogue and
/// demand studies share these kinds; the numbers are stored and never change meaning.
/// </summary>
public enum ActivityKind
{
    /// <summary>A contact or demand: the person (or someone for them) got in touch or was seen.</summary>
    Contact = 1,
    /// <summary>An assessment of any type (the type is recorded beside it).</summary>
    Assessment = 2,
    /// <summary>A referral to another agency or team.</summary>
    Referral = 3,
    /// <summary>A service provided (care, equipment, advice given, a repair done...).</summary>
    ServiceProvided = 4,
    /// <summary>A review of a plan or package.</summary>
    Review = 5,
    /// <summary>A meeting about the person, including strategy meetings and case conferences.</summary>
    Meeting = 6,
    /// <summary>Admission to hospital or another bed-based service.</summary>
    Admission = 7,
    /// <summary>Declared medically fit for discharge.</summary>
    MedicallyFit = 8,
    /// <summary>Discharge from hospital or a bed-based service.</summary>
    Discharge = 9,
    /// <summary>Case closed, "no further action", screened out.</summary>
    Closure = 10,
    /// <summary>A document or letter written about the person.</summary>
    Document = 11,
    /// <summary>One day in a bed (used by unit costs).</summary>
    BedDay = 12,
    /// <summary>A home visit.</summary>
    HomeVisit = 13,
    /// <summary>An emergency response: police attendance, ambulance, telecare responder.</summary>
    EmergencyResponse = 14,
    /// <summary>Anything else; imports map unknown kinds here and list them.</summary>
    Other = 99,
}
