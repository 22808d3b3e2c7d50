export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "admin_message_reads": {
                  Row: {
                    "message_id": string,"read_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "message_id": string,"read_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "message_id"?: string,"read_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "admin_message_reads_message_id_fkey"
      columns: ["message_id"]
isOneToOne: false
      referencedRelation: "admin_messages"
      referencedColumns: ["id"]
    }
                  ]
                },"admin_messages": {
                  Row: {
                    "body": string,"created_at": string,"id": string,"recipient_id": string | null,"sender_id": string | null,"title": string
                  }
                  ComputedFields: never
                  Insert: {
                    "body": string,"created_at"?: string,"id"?: string,"recipient_id"?: string | null,"sender_id"?: string | null,"title": string
                  }
                  Update: {
                    "body"?: string,"created_at"?: string,"id"?: string,"recipient_id"?: string | null,"sender_id"?: string | null,"title"?: string
                  }
                  Relationships: [
                    
                  ]
                },"affiliate_codes": {
                  Row: {
                    "code": string,"commission_rate": number,"created_at": string,"id": string,"is_active": boolean,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"commission_rate"?: number,"created_at"?: string,"id"?: string,"is_active"?: boolean,"user_id": string
                  }
                  Update: {
                    "code"?: string,"commission_rate"?: number,"created_at"?: string,"id"?: string,"is_active"?: boolean,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"affiliate_commissions": {
                  Row: {
                    "amount_cents": number,"created_at": string,"id": string,"ledger_id": string,"referral_id": string,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "amount_cents": number,"created_at"?: string,"id"?: string,"ledger_id": string,"referral_id": string,"status"?: string
                  }
                  Update: {
                    "amount_cents"?: number,"created_at"?: string,"id"?: string,"ledger_id"?: string,"referral_id"?: string,"status"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "affiliate_commissions_ledger_id_fkey"
      columns: ["ledger_id"]
isOneToOne: true
      referencedRelation: "entitlement_ledger"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "affiliate_commissions_referral_id_fkey"
      columns: ["referral_id"]
isOneToOne: false
      referencedRelation: "affiliate_referrals"
      referencedColumns: ["id"]
    }
                  ]
                },"affiliate_referrals": {
                  Row: {
                    "code_id": string,"created_at": string,"id": string,"referred_user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "code_id": string,"created_at"?: string,"id"?: string,"referred_user_id": string
                  }
                  Update: {
                    "code_id"?: string,"created_at"?: string,"id"?: string,"referred_user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "affiliate_referrals_code_id_fkey"
      columns: ["code_id"]
isOneToOne: false
      referencedRelation: "affiliate_codes"
      referencedColumns: ["id"]
    }
                  ]
                },"assignments": {
                  Row: {
                    "assigned_by": string | null,"created_at": string,"drill_id": string | null,"due_at": string | null,"id": string,"set_id": string | null,"status": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "assigned_by"?: string | null,"created_at"?: string,"drill_id"?: string | null,"due_at"?: string | null,"id"?: string,"set_id"?: string | null,"status"?: string,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "assigned_by"?: string | null,"created_at"?: string,"drill_id"?: string | null,"due_at"?: string | null,"id"?: string,"set_id"?: string | null,"status"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "assignments_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "assignments_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    },{
      foreignKeyName: "assignments_set_id_fkey"
      columns: ["set_id"]
isOneToOne: false
      referencedRelation: "drill_sets"
      referencedColumns: ["id"]
    }
                  ]
                },"attempts": {
                  Row: {
                    "created_at": string,"drill_id": string | null,"id": string,"response": string | null,"score": number | null,"session_id": string | null,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"drill_id"?: string | null,"id"?: string,"response"?: string | null,"score"?: number | null,"session_id"?: string | null,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"drill_id"?: string | null,"id"?: string,"response"?: string | null,"score"?: number | null,"session_id"?: string | null,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "attempts_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "attempts_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    },{
      foreignKeyName: "attempts_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "sessions"
      referencedColumns: ["id"]
    }
                  ]
                },"coach_switches": {
                  Row: {
                    "from_coach_id": string | null,"id": string,"switched_at": string,"to_coach_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "from_coach_id"?: string | null,"id"?: string,"switched_at"?: string,"to_coach_id": string,"user_id": string
                  }
                  Update: {
                    "from_coach_id"?: string | null,"id"?: string,"switched_at"?: string,"to_coach_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "coach_switches_from_coach_id_fkey"
      columns: ["from_coach_id"]
isOneToOne: false
      referencedRelation: "coaches"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "coach_switches_to_coach_id_fkey"
      columns: ["to_coach_id"]
isOneToOne: false
      referencedRelation: "coaches"
      referencedColumns: ["id"]
    }
                  ]
                },"coaches": {
                  Row: {
                    "created_at": string,"display_name": string,"id": string,"is_published": boolean,"persona": string,"slug": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"display_name": string,"id"?: string,"is_published"?: boolean,"persona": string,"slug": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"display_name"?: string,"id"?: string,"is_published"?: boolean,"persona"?: string,"slug"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"daily_usage": {
                  Row: {
                    "day": string,"minutes_used": number,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "day": string,"minutes_used"?: number,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "day"?: string,"minutes_used"?: number,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"diagnostic_answers": {
                  Row: {
                    "answer": string,"created_at": string,"id": string,"question_key": string,"run_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "answer": string,"created_at"?: string,"id"?: string,"question_key": string,"run_id": string,"user_id"?: string
                  }
                  Update: {
                    "answer"?: string,"created_at"?: string,"id"?: string,"question_key"?: string,"run_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "diagnostic_answers_run_id_fkey"
      columns: ["run_id"]
isOneToOne: false
      referencedRelation: "diagnostic_runs"
      referencedColumns: ["id"]
    }
                  ]
                },"diagnostic_runs": {
                  Row: {
                    "finished_at": string | null,"id": string,"result": Json | null,"started_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "finished_at"?: string | null,"id"?: string,"result"?: Json | null,"started_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "finished_at"?: string | null,"id"?: string,"result"?: Json | null,"started_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"drill_items": {
                  Row: {
                    "created_at": string,"drill_id": string,"expected_answer": string | null,"id": string,"position": number,"prompt": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"drill_id": string,"expected_answer"?: string | null,"id"?: string,"position": number,"prompt": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"drill_id"?: string,"expected_answer"?: string | null,"id"?: string,"position"?: number,"prompt"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "drill_items_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "drill_items_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    }
                  ]
                },"drill_revisions": {
                  Row: {
                    "actor_id": string | null,"created_at": string,"drill_id": string,"from_status": Database["public"]['Enums']["drill_status"] | null,"id": string,"note": string | null,"to_status": Database["public"]['Enums']["drill_status"]
                  }
                  ComputedFields: never
                  Insert: {
                    "actor_id"?: string | null,"created_at"?: string,"drill_id": string,"from_status"?: Database["public"]['Enums']["drill_status"] | null,"id"?: string,"note"?: string | null,"to_status": Database["public"]['Enums']["drill_status"]
                  }
                  Update: {
                    "actor_id"?: string | null,"created_at"?: string,"drill_id"?: string,"from_status"?: Database["public"]['Enums']["drill_status"] | null,"id"?: string,"note"?: string | null,"to_status"?: Database["public"]['Enums']["drill_status"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "drill_revisions_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "drill_revisions_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    }
                  ]
                },"drill_set_members": {
                  Row: {
                    "drill_id": string,"position": number,"set_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "drill_id": string,"position": number,"set_id": string
                  }
                  Update: {
                    "drill_id"?: string,"position"?: number,"set_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "drill_set_members_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "drill_set_members_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    },{
      foreignKeyName: "drill_set_members_set_id_fkey"
      columns: ["set_id"]
isOneToOne: false
      referencedRelation: "drill_sets"
      referencedColumns: ["id"]
    }
                  ]
                },"drill_sets": {
                  Row: {
                    "created_at": string,"id": string,"is_published": boolean,"slug": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"is_published"?: boolean,"slug": string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"is_published"?: boolean,"slug"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"drills": {
                  Row: {
                    "created_at": string,"created_by": string | null,"embedding": string | null,"id": string,"is_published": boolean,"level": number,"published_at": string | null,"reviewed_by": string | null,"skill": string,"slug": string,"status": Database["public"]['Enums']["drill_status"],"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"embedding"?: string | null,"id"?: string,"is_published"?: boolean,"level"?: number,"published_at"?: string | null,"reviewed_by"?: string | null,"skill": string,"slug": string,"status"?: Database["public"]['Enums']["drill_status"],"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"embedding"?: string | null,"id"?: string,"is_published"?: boolean,"level"?: number,"published_at"?: string | null,"reviewed_by"?: string | null,"skill"?: string,"slug"?: string,"status"?: Database["public"]['Enums']["drill_status"],"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"entitlement_ledger": {
                  Row: {
                    "amount_cents": number | null,"created_at": string,"currency": string | null,"id": string,"plan": string,"provider": Database["public"]['Enums']["payment_provider"],"provider_event_id": string,"user_id": string,"valid_until": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "amount_cents"?: number | null,"created_at"?: string,"currency"?: string | null,"id"?: string,"plan": string,"provider": Database["public"]['Enums']["payment_provider"],"provider_event_id": string,"user_id": string,"valid_until"?: string | null
                  }
                  Update: {
                    "amount_cents"?: number | null,"created_at"?: string,"currency"?: string | null,"id"?: string,"plan"?: string,"provider"?: Database["public"]['Enums']["payment_provider"],"provider_event_id"?: string,"user_id"?: string,"valid_until"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"entitlements": {
                  Row: {
                    "ledger_id": string,"plan": string,"updated_at": string,"user_id": string,"valid_until": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "ledger_id": string,"plan": string,"updated_at"?: string,"user_id": string,"valid_until"?: string | null
                  }
                  Update: {
                    "ledger_id"?: string,"plan"?: string,"updated_at"?: string,"user_id"?: string,"valid_until"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "entitlements_ledger_id_fkey"
      columns: ["ledger_id"]
isOneToOne: false
      referencedRelation: "entitlement_ledger"
      referencedColumns: ["id"]
    }
                  ]
                },"events": {
                  Row: {
                    "created_at": string,"id": number,"name": string,"payload": NonNullable<Json>,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: never,"name": string,"payload"?: NonNullable<Json>,"user_id"?: string | null
                  }
                  Update: {
                    "created_at"?: string,"id"?: never,"name"?: string,"payload"?: NonNullable<Json>,"user_id"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"expression_progress": {
                  Row: {
                    "expression_id": string,"mastery": number,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "expression_id": string,"mastery"?: number,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "expression_id"?: string,"mastery"?: number,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "expression_progress_expression_id_fkey"
      columns: ["expression_id"]
isOneToOne: false
      referencedRelation: "expressions"
      referencedColumns: ["id"]
    }
                  ]
                },"expressions": {
                  Row: {
                    "created_at": string,"example": string | null,"id": string,"is_published": boolean,"meaning": string,"pack_id": string | null,"phrase": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"example"?: string | null,"id"?: string,"is_published"?: boolean,"meaning": string,"pack_id"?: string | null,"phrase": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"example"?: string | null,"id"?: string,"is_published"?: boolean,"meaning"?: string,"pack_id"?: string | null,"phrase"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "expressions_pack_id_fkey"
      columns: ["pack_id"]
isOneToOne: false
      referencedRelation: "practice_packs"
      referencedColumns: ["id"]
    }
                  ]
                },"limits": {
                  Row: {
                    "description": string,"key": string,"updated_at": string,"value": number
                  }
                  ComputedFields: never
                  Insert: {
                    "description": string,"key": string,"updated_at"?: string,"value": number
                  }
                  Update: {
                    "description"?: string,"key"?: string,"updated_at"?: string,"value"?: number
                  }
                  Relationships: [
                    
                  ]
                },"pack_drills": {
                  Row: {
                    "drill_id": string,"pack_id": string,"position": number
                  }
                  ComputedFields: never
                  Insert: {
                    "drill_id": string,"pack_id": string,"position"?: number
                  }
                  Update: {
                    "drill_id"?: string,"pack_id"?: string,"position"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "pack_drills_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "pack_drills_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    },{
      foreignKeyName: "pack_drills_pack_id_fkey"
      columns: ["pack_id"]
isOneToOne: false
      referencedRelation: "practice_packs"
      referencedColumns: ["id"]
    }
                  ]
                },"payment_events": {
                  Row: {
                    "event_type": string,"id": string,"payload": NonNullable<Json>,"processed_at": string | null,"provider": Database["public"]['Enums']["payment_provider"],"provider_event_id": string,"received_at": string,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "event_type": string,"id"?: string,"payload": NonNullable<Json>,"processed_at"?: string | null,"provider": Database["public"]['Enums']["payment_provider"],"provider_event_id": string,"received_at"?: string,"user_id"?: string | null
                  }
                  Update: {
                    "event_type"?: string,"id"?: string,"payload"?: NonNullable<Json>,"processed_at"?: string | null,"provider"?: Database["public"]['Enums']["payment_provider"],"provider_event_id"?: string,"received_at"?: string,"user_id"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"paymongo_checkouts": {
                  Row: {
                    "amount_cents": number,"checkout_session_id": string,"created_at": string,"currency": string,"id": string,"payment_method": string | null,"plan": string,"status": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "amount_cents": number,"checkout_session_id": string,"created_at"?: string,"currency"?: string,"id"?: string,"payment_method"?: string | null,"plan": string,"status"?: string,"user_id": string
                  }
                  Update: {
                    "amount_cents"?: number,"checkout_session_id"?: string,"created_at"?: string,"currency"?: string,"id"?: string,"payment_method"?: string | null,"plan"?: string,"status"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"paymongo_customers": {
                  Row: {
                    "created_at": string,"paymongo_customer_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"paymongo_customer_id": string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"paymongo_customer_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"paypal_orders": {
                  Row: {
                    "amount_cents": number,"capture_id": string | null,"created_at": string,"currency": string,"id": string,"order_id": string,"plan": string,"status": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "amount_cents": number,"capture_id"?: string | null,"created_at"?: string,"currency"?: string,"id"?: string,"order_id": string,"plan": string,"status"?: string,"user_id": string
                  }
                  Update: {
                    "amount_cents"?: number,"capture_id"?: string | null,"created_at"?: string,"currency"?: string,"id"?: string,"order_id"?: string,"plan"?: string,"status"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"paypal_payers": {
                  Row: {
                    "created_at": string,"payer_id": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"payer_id": string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"payer_id"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"practice_packs": {
                  Row: {
                    "created_at": string,"description": string | null,"drill_count": number,"expression_count": number,"id": string,"is_free": boolean,"is_published": boolean,"shop_product_handle": string | null,"slug": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"description"?: string | null,"drill_count"?: number,"expression_count"?: number,"id"?: string,"is_free"?: boolean,"is_published"?: boolean,"shop_product_handle"?: string | null,"slug": string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"description"?: string | null,"drill_count"?: number,"expression_count"?: number,"id"?: string,"is_free"?: boolean,"is_published"?: boolean,"shop_product_handle"?: string | null,"slug"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"product_recommendations": {
                  Row: {
                    "created_at": string,"id": string,"product_id": string,"reason": string,"score": number,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"product_id": string,"reason": string,"score": number,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"product_id"?: string,"reason"?: string,"score"?: number,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "product_recommendations_product_id_fkey"
      columns: ["product_id"]
isOneToOne: false
      referencedRelation: "shop_products"
      referencedColumns: ["id"]
    }
                  ]
                },"profiles": {
                  Row: {
                    "coach_id": string | null,"created_at": string,"display_name": string | null,"id": string,"locale": string,"role": Database["public"]['Enums']["user_role"],"timezone": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "coach_id"?: string | null,"created_at"?: string,"display_name"?: string | null,"id": string,"locale"?: string,"role"?: Database["public"]['Enums']["user_role"],"timezone"?: string,"updated_at"?: string
                  }
                  Update: {
                    "coach_id"?: string | null,"created_at"?: string,"display_name"?: string | null,"id"?: string,"locale"?: string,"role"?: Database["public"]['Enums']["user_role"],"timezone"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "profiles_coach_id_fkey"
      columns: ["coach_id"]
isOneToOne: false
      referencedRelation: "coaches"
      referencedColumns: ["id"]
    }
                  ]
                },"realtime_tokens": {
                  Row: {
                    "created_at": string,"expires_at": string,"id": string,"revoked_at": string | null,"token_sha256": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"expires_at": string,"id"?: string,"revoked_at"?: string | null,"token_sha256": string,"user_id": string
                  }
                  Update: {
                    "created_at"?: string,"expires_at"?: string,"id"?: string,"revoked_at"?: string | null,"token_sha256"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"reconciliation_jobs": {
                  Row: {
                    "created_at": string,"finished_at": string | null,"id": string,"period_end": string,"period_start": string,"provider": Database["public"]['Enums']["payment_provider"],"started_at": string | null,"status": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"finished_at"?: string | null,"id"?: string,"period_end": string,"period_start": string,"provider": Database["public"]['Enums']["payment_provider"],"started_at"?: string | null,"status"?: string
                  }
                  Update: {
                    "created_at"?: string,"finished_at"?: string | null,"id"?: string,"period_end"?: string,"period_start"?: string,"provider"?: Database["public"]['Enums']["payment_provider"],"started_at"?: string | null,"status"?: string
                  }
                  Relationships: [
                    
                  ]
                },"reconciliation_mismatches": {
                  Row: {
                    "created_at": string,"id": string,"job_id": string,"kind": string,"ledger_id": string | null,"payment_event_id": string | null,"resolved_at": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"job_id": string,"kind": string,"ledger_id"?: string | null,"payment_event_id"?: string | null,"resolved_at"?: string | null
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"job_id"?: string,"kind"?: string,"ledger_id"?: string | null,"payment_event_id"?: string | null,"resolved_at"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "reconciliation_mismatches_job_id_fkey"
      columns: ["job_id"]
isOneToOne: false
      referencedRelation: "reconciliation_jobs"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "reconciliation_mismatches_ledger_id_fkey"
      columns: ["ledger_id"]
isOneToOne: false
      referencedRelation: "entitlement_ledger"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "reconciliation_mismatches_payment_event_id_fkey"
      columns: ["payment_event_id"]
isOneToOne: false
      referencedRelation: "payment_events"
      referencedColumns: ["id"]
    }
                  ]
                },"saved_filters": {
                  Row: {
                    "created_at": string,"criteria": NonNullable<Json>,"id": string,"name": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"criteria"?: NonNullable<Json>,"id"?: string,"name": string,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "created_at"?: string,"criteria"?: NonNullable<Json>,"id"?: string,"name"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"sessions": {
                  Row: {
                    "coach_id": string | null,"counting_day": string | null,"created_at": string,"finished_at": string | null,"id": string,"minutes_used": number | null,"started_at": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "coach_id"?: string | null,"counting_day"?: string | null,"created_at"?: string,"finished_at"?: string | null,"id"?: string,"minutes_used"?: number | null,"started_at"?: string,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "coach_id"?: string | null,"counting_day"?: string | null,"created_at"?: string,"finished_at"?: string | null,"id"?: string,"minutes_used"?: number | null,"started_at"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "sessions_coach_id_fkey"
      columns: ["coach_id"]
isOneToOne: false
      referencedRelation: "coaches"
      referencedColumns: ["id"]
    }
                  ]
                },"shop_products": {
                  Row: {
                    "handle": string,"id": string,"is_active": boolean,"shop_product_id": string,"synced_at": string,"title": string
                  }
                  ComputedFields: never
                  Insert: {
                    "handle": string,"id"?: string,"is_active"?: boolean,"shop_product_id": string,"synced_at"?: string,"title": string
                  }
                  Update: {
                    "handle"?: string,"id"?: string,"is_active"?: boolean,"shop_product_id"?: string,"synced_at"?: string,"title"?: string
                  }
                  Relationships: [
                    
                  ]
                },"shop_variants": {
                  Row: {
                    "currency": string,"id": string,"price_cents": number,"product_id": string,"shop_variant_id": string,"synced_at": string,"title": string
                  }
                  ComputedFields: never
                  Insert: {
                    "currency": string,"id"?: string,"price_cents": number,"product_id": string,"shop_variant_id": string,"synced_at"?: string,"title": string
                  }
                  Update: {
                    "currency"?: string,"id"?: string,"price_cents"?: number,"product_id"?: string,"shop_variant_id"?: string,"synced_at"?: string,"title"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "shop_variants_product_id_fkey"
      columns: ["product_id"]
isOneToOne: false
      referencedRelation: "shop_products"
      referencedColumns: ["id"]
    }
                  ]
                },"skill_estimates": {
                  Row: {
                    "confidence": number,"estimate": number,"skill": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "confidence"?: number,"estimate": number,"skill": string,"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "confidence"?: number,"estimate"?: number,"skill"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"support_tickets": {
                  Row: {
                    "assignee_id": string | null,"created_at": string,"id": string,"priority": string,"status": string,"subject": string,"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "assignee_id"?: string | null,"created_at"?: string,"id"?: string,"priority"?: string,"status"?: string,"subject": string,"updated_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "assignee_id"?: string | null,"created_at"?: string,"id"?: string,"priority"?: string,"status"?: string,"subject"?: string,"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    
                  ]
                },"ticket_internal_notes": {
                  Row: {
                    "author_id": string | null,"body": string,"created_at": string,"id": string,"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string | null,"body": string,"created_at"?: string,"id"?: string,"ticket_id": string
                  }
                  Update: {
                    "author_id"?: string | null,"body"?: string,"created_at"?: string,"id"?: string,"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "ticket_internal_notes_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "support_tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"ticket_messages": {
                  Row: {
                    "author_id": string,"body": string,"created_at": string,"id": string,"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string,"body": string,"created_at"?: string,"id"?: string,"ticket_id": string
                  }
                  Update: {
                    "author_id"?: string,"body"?: string,"created_at"?: string,"id"?: string,"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "ticket_messages_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "support_tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"tiers": {
                  Row: {
                    "key": string,"minutes_limit_key": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "key": string,"minutes_limit_key": string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "key"?: string,"minutes_limit_key"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "tiers_minutes_limit_key_fkey"
      columns: ["minutes_limit_key"]
isOneToOne: false
      referencedRelation: "limits"
      referencedColumns: ["key"]
    }
                  ]
                }
          }
          Views: {
            "v_drill_stats": {
                  Row: {
                    "attempts": number | null,"avg_score": number | null,"drill_id": string,"learners": number | null
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                },"v_drill_stats_daily": {
                  Row: {
                    "attempts": number | null,"avg_score": number | null,"day": string | null,"drill_id": string | null
                  }
                  ComputedFields: never
                  Relationships: [
                    {
      foreignKeyName: "attempts_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "drills"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "attempts_drill_id_fkey"
      columns: ["drill_id"]
isOneToOne: false
      referencedRelation: "v_drill_stats"
      referencedColumns: ["drill_id"]
    }
                  ]
                },"v_user_progress": {
                  Row: {
                    "attempts": number | null,"avg_score": number | null,"drills_practised": number | null,"last_attempt_at": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                },"v_weekly_recap": {
                  Row: {
                    "attempts": number | null,"minutes": number | null,"sessions": number | null,"user_id": string | null,"week_start": string | null
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                }
          }
          Functions: {
            "close_stale_sessions":
{ Args: Record<PropertyKey, never>; Returns: number
                           },
"finish_session":
{ Args: { "target_session": string }; Returns: number
                           },
"get_local_day":
{ Args: { "at_time": string,"zone": string }; Returns: string
                           },
"grant_entitlement":
{ Args: { "event_id": string,"event_provider": Database["public"]['Enums']["payment_provider"],"granted_plan": string,"granted_until"?: string,"paid_cents"?: number,"paid_currency"?: string,"target_user": string }; Returns: string
                           },
"is_admin":
{ Args: Record<PropertyKey, never>; Returns: boolean
                           },
"is_editor":
{ Args: Record<PropertyKey, never>; Returns: boolean
                           },
"list_learner_attempts":
{ Args: { "learner": string,"max_rows"?: number }; Returns: {
              "created_at": string,
"drill_id": string | null,
"id": string,
"response": string | null,
"score": number | null,
"session_id": string | null,
"updated_at": string,
"user_id": string
            }[]
                          SetofOptions: {
        from: "*"
        to: "attempts"
        isOneToOne: false
        isSetofReturn: true
      } },
"match_drills":
{ Args: { "match_count"?: number,"query_embedding": string }; Returns: {
              "drill_id": string,"similarity": number,"slug": string,"title": string
            }[]
                           },
"refresh_views":
{ Args: Record<PropertyKey, never>; Returns: string[]
                           },
"set_role_claim":
{ Args: { "event": Json }; Returns: Json
                           },
"start_session":
{ Args: { "chosen_coach"?: string }; Returns: string
                           },
"switch_coach":
{ Args: { "new_coach": string }; Returns: string
                           },
"transition_drill":
{ Args: { "note"?: string,"target_drill": string,"to_status": Database["public"]['Enums']["drill_status"] }; Returns: Database["public"]['Enums']["drill_status"]
                           },
"try_lock":
{ Args: { "lock_name": string }; Returns: boolean
                           },
"unlock":
{ Args: { "lock_name": string }; Returns: boolean
                           }
          }
          Enums: {
            "drill_status": "draft"|"in_review"|"published"|"archived","payment_provider": "manual"|"shopify"|"paymongo"|"paypal"|"adyen","user_role": "learner"|"editor"|"admin"
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            "drill_status": ["draft", "in_review", "published", "archived"],"payment_provider": ["manual", "shopify", "paymongo", "paypal", "adyen"],"user_role": ["learner", "editor", "admin"]
          }
        }
} as const
