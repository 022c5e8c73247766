package org.attendanceroutes.demo;

import java.util.List;

/** The five demo schools, one for each route. */
record DemoSchools(String urn, String name, String laCode, String establishment, String routeKey,
                   int firstYearGroup, int lastYearGroup, String town, String postcode) {

    static final List<DemoSchools> ALL = List.of(
            new DemoSchools("140001", "Harbourside Academy", "801", "4001", "attendance-action-routes", 7, 11,
                    "Bristol", "BS1 5TT"),
            new DemoSchools("140002", "Meadowbank Primary School", "873", "2002", "graduated-attendance-response", 0, 6,
                    "Cambridge", "CB4 2QW"),
            new DemoSchools("140003", "Northgate High School", "330", "4003", "attendance-interventions-framework", 7, 11,
                    "Birmingham", "B23 6LN"),
            new DemoSchools("140004", "Avonford School", "937", "4004", "attendance-improvement-process", 7, 11,
                    "Leamington Spa", "CV32 4RP"),
            new DemoSchools("140005", "Riverside Community College", "850", "4005", "supporting-attendance-action-plan", 7, 11,
                    "Southampton", "SO14 3HL"));
}
