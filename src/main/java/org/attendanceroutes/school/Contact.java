package org.attendanceroutes.school;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A parent or carer of a pupil; priority 1 is the first to receive letters. */
@Entity
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pupil_id")
    private Pupil pupil;

    private String title;
    @NotBlank
    private String firstName;
    @NotBlank
    private String lastName;
    /** Mother, father, carer, grandparent, ... */
    @NotBlank
    private String relationship;
    private boolean parentalResponsibility;
    @Email
    private String email;
    private String phone;
    @NotBlank
    private String addressLine1;
    private String addressLine2;
    @NotBlank
    private String town;
    @NotBlank
    private String postcode;
    @NotNull
    @Enumerated(EnumType.STRING)
    private ContactMethod preferredContactMethod;
    private int priority;

    protected Contact() {
    }

    public Contact(Pupil pupil, String title, String firstName, String lastName, String relationship,
                   boolean parentalResponsibility, int priority) {
        this.pupil = pupil;
        this.title = title;
        this.firstName = firstName;
        this.lastName = lastName;
        this.relationship = relationship;
        this.parentalResponsibility = parentalResponsibility;
        this.priority = priority;
    }

    public Long getId() { return id; }
    public Pupil getPupil() { return pupil; }
    public String getTitle() { return title; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getRelationship() { return relationship; }
    public boolean hasParentalResponsibility() { return parentalResponsibility; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getAddressLine1() { return addressLine1; }
    public String getAddressLine2() { return addressLine2; }
    public String getTown() { return town; }
    public String getPostcode() { return postcode; }
    public ContactMethod getPreferredContactMethod() { return preferredContactMethod; }
    public int getPriority() { return priority; }

    /** "Mrs Jane Smith", or "Jane Smith" without a title. */
    public String getFullName() {
        return (title == null || title.isBlank() ? "" : title + " ") + firstName + " " + lastName;
    }

    public void setAddress(String line1, String line2, String town, String postcode) {
        this.addressLine1 = line1;
        this.addressLine2 = line2;
        this.town = town;
        this.postcode = postcode;
    }

    public void setReachableBy(String email, String phone, ContactMethod preferred) {
        this.email = email;
        this.phone = phone;
        this.preferredContactMethod = preferred;
    }
}
