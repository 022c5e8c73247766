package org.attendanceroutes.school;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A school, with the letterhead its letters carry and the route its attendance team follows. */
@Entity
public class School {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The unique reference number the DfE gives each school: six or seven digits. */
    @Pattern(regexp = "\\d{6,7}", message = "a URN is six or seven digits")
    private String urn;

    @NotBlank
    private String name;
    @NotBlank
    private String addressLine1;
    private String addressLine2;
    @NotBlank
    private String town;
    @NotBlank
    private String postcode;
    private String phone;
    private String email;
    @NotBlank
    private String headteacher;
    @NotBlank
    private String attendanceLead;

    /** The process definition key of the route this school runs. */
    @NotBlank
    private String routeKey;

    protected School() {
    }

    public School(String urn, String name, String routeKey) {
        this.urn = urn;
        this.name = name;
        this.routeKey = routeKey;
    }

    public Long getId() { return id; }
    public String getUrn() { return urn; }
    public String getName() { return name; }
    public String getAddressLine1() { return addressLine1; }
    public String getAddressLine2() { return addressLine2; }
    public String getTown() { return town; }
    public String getPostcode() { return postcode; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getHeadteacher() { return headteacher; }
    public String getAttendanceLead() { return attendanceLead; }
    public String getRouteKey() { return routeKey; }

    public void setAddress(String line1, String line2, String town, String postcode) {
        this.addressLine1 = line1;
        this.addressLine2 = line2;
        this.town = town;
        this.postcode = postcode;
    }

    public void setLetterhead(String phone, String email, String headteacher, String attendanceLead) {
        this.phone = phone;
        this.email = email;
        this.headteacher = headteacher;
        this.attendanceLead = attendanceLead;
    }
}
